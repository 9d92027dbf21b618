import math

print(math.sqrt("16"))  # error: arg-type
