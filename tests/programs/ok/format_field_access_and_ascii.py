# str.format fields index with ints and string keys and read attributes; !a escapes
# every non-ASCII character of the repr; bools and integral floats are in ranges.

d = {"k": 7, "name": "Ada"}
print("{0[k]} {0[name]}".format(d))
print("{[k]}!".format(d))
print("{0[1]}".format([5, 6]))
fmt = "{0[z]}"
try:
    print(fmt.format(d))
except KeyError as e:
    print("KeyError", e)
s = "abc"
tmpl = "{0[x]}"
try:
    print(tmpl.format(s))
except TypeError as e:
    print("TypeError", e)
try:
    print(tmpl.format([1]))
except TypeError as e:
    print("TypeError", e)


class P:
    label: str = "class-level"

    def __init__(self) -> None:
        self.x: int = 3


print("{0.x} {0.label} {p.x}".format(P(), p=P()))
attr = "{0.missing}"
try:
    print(attr.format(P()))
except Exception as e:
    print("error", e)
print(f"{'é'!a}", "{!a}".format("é"), f"{['é', 1]!a}", f"{'plain'!a}")
print(2.0 in range(3), True in range(2), 2.5 in range(3), False in range(1, 3), -2.0 in range(0, -5, -1))
print(3 in range(0, 10, 3), 4 in range(0, 10, 3))
