print("main: start")
import first
print("main: after first")
import second
import first
print("main: after second and first again")
from third import value

print("main: value =", value, first.VALUE, second.VALUE)
