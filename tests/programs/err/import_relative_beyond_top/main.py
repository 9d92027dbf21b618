import pkg.mod

print(pkg.mod.VALUE)
