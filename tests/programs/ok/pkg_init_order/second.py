print("second: executing top level")
import first
import third

VALUE = first.VALUE + "+second"
print("second: done")
