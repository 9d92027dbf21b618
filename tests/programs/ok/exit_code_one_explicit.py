import sys


def validate(n: int) -> bool:
    return n % 2 == 0


nums = [2, 4, 5]
for n in nums:
    if not validate(n):
        print("invalid", n)
        sys.exit(1)
    print("valid", n)
