r = range(3)
print(range(3) == range(3), r == r, range(0) == range(2, 1))
print(range(0, 3, 2) == range(0, 4, 2), range(0, 1, 5) == range(0, 1, 7), range(1, 2) == range(0, 1))
print(range(3) != range(4), range(5, 0, -1) == range(5, 0, -1), range(5, 0, -1) == range(1, 6))
print(range(10)[2**70 - 2**70 + 3])
try:
    print(range(10)[2**70])
except IndexError as e:
    print("IndexError:", e)
print([range(2)] == [range(0, 2)], (range(1),) == (range(1),))
