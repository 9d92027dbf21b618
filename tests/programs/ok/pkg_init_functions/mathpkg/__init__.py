VERSION = "1.0"
print("mathpkg init")


def square(x: int) -> int:
    return x * x
