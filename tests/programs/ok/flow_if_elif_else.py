def classify(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"


def main() -> None:
    for n in [-5, 0, 3, 42, 1000]:
        print(n, classify(n))
    x = 5
    if x > 3:
        print("gt3")
    if x > 10:
        print("gt10")
    else:
        print("le10")
    if x:
        print("truthy")
    if not x - 5:
        print("zero diff")


main()
