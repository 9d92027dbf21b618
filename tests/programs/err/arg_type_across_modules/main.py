from mathutil import scale
import mathutil

print(scale("3", 2))  # error: arg-type
print(mathutil.scale(3, factor="2"))  # error: arg-type
