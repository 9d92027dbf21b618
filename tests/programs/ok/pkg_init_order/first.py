print("first: executing top level")
import third

VALUE = "first:" + third.value
print("first: done")
