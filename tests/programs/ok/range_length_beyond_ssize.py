# Ranges whose length does not fit a machine int: len() raises CPython's OverflowError,
# indexing and truthiness still work.

r = range(-(2**63), 2**63 - 1, 2)
print(r[-1], r[0], r[2**62 - 1], bool(r))
try:
    print(len(range(-(2**63), 2**63 - 1)))
except OverflowError as e:
    print("OverflowError", e)
try:
    print(len(range(9223372036854775807, -9223372036854775808, -1)))
except OverflowError as e:
    print("OverflowError", e)
print(len(range(-(2**61), 2**61)), range(0, 10, 3)[-1], range(10, 0, -3)[-2])
try:
    print(range(5)[2**63])
except IndexError as e:
    print("IndexError", e)
print(range(-(2**63), 2**63 - 1) == range(-(2**63), 2**63 - 1, 1))
