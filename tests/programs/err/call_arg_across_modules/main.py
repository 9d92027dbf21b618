from lib.shapes import Rect

r = Rect(1)  # error: call-arg
print(r.area(2))  # error: call-arg
