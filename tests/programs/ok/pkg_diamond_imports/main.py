import left
import right
import base

print("main:", left.value(), right.value(), base.counter())
