import math


def main() -> None:
    try:
        print(math.sqrt(-1))
    except ValueError as e:
        print("sqrt:", e)
    try:
        print(math.log(0))
    except ValueError as e:
        print("log:", e)
    try:
        print(math.floor(float("inf")))
    except OverflowError as e:
        print("floor:", e)
    try:
        print(int(float("nan")))
    except ValueError as e:
        print("int:", e)
    try:
        print(int(float("-inf")))
    except OverflowError as e:
        print("int:", e)
    try:
        print(math.exp(1000))
    except OverflowError as e:
        print("exp:", e)
    try:
        print(math.isqrt(-1))
    except ValueError as e:
        print("isqrt:", e)


main()
