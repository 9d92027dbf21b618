import checker

print("main starts")
checker.require(True, "first check")
checker.require(False, "second check")
print("never printed")
