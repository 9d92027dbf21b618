# `for` over a range whose bounds or step do not fit 64 bits (or are bools) runs as
# CPython's does; enumerate counts on past 64 bits; a missing format field's KeyError.

for i in range(2**63 - 1, 2**63 + 1):
    print(i)
for q in range(0, 10, 2**64):
    print(q)
for r in range(2**64, 2**64 - 3, -1):
    print(r)
for b in range(True, 3):
    print(b, b + 1)
print([x for x in range(2**63 - 2, 2**63 + 1)])
print(sum(x for x in range(-(2**70), -(2**70) + 3)))
for i, c in enumerate("ab", 2**63 - 1):
    print(i, c)
print(list(enumerate("xyz", 2**70)))
fmt = "{" + "x}"
try:
    print(fmt.format(y=1))
except KeyError as e:
    print("KeyError", e, repr(e))
print(fmt.format(x=2))
