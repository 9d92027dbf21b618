import math


def main() -> None:
    try:
        print(float(10 ** 400))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(10 ** 400 / 3)
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(math.exp(10000))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(2.0 ** 5000)
    except OverflowError as e:
        print("OverflowError caught")
    try:
        print(round(float("inf")))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(int(float("nan")))
    except ValueError as e:
        print("ValueError:", e)


main()
