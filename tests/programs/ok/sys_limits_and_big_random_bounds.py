# sys.setrecursionlimit's checks, random.randint with bounds beyond 64 bits, a string
# repeated past sys.maxsize, and sys.exit with a huge int (status 255), as CPython.

import random
import sys


def down(n: int) -> None:
    if n == 0:
        try:
            sys.setrecursionlimit(5)
        except RecursionError as e:
            print("RE", e)
        return
    down(n - 1)


down(10)
for bad in (0, -3):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    sys.setrecursionlimit(2**70)
except OverflowError as e:
    print("OverflowError", e)
sys.setrecursionlimit(2000)
lo, hi = -(2**63), 2**63 - 1
x = random.randint(lo, hi)
print(lo <= x <= hi)
y = random.randint(2**64, 2**64 + 1)
print(y in (2**64, 2**64 + 1))
z = random.randint(-(2**100), -(2**99))
print(-(2**100) <= z <= -(2**99))
try:
    random.randint(2**64, 1)
except ValueError as e:
    print("ValueError", e)
print(random.randint(5, 5))
try:
    print(len("ab" * 2**62))
except OverflowError as e:
    print("OverflowError", e)
sys.exit(2**70)
