def safe_div(a: int, b: int) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")


def first_char(s: str) -> str:
    try:
        return s[0]
    except IndexError:
        return "<empty>"
    finally:
        pass


def main() -> None:
    print(safe_div(1, 4), safe_div(1, 0))
    print(first_char("hey"), first_char(""))


main()
