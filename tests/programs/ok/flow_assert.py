def checked_div(a: int, b: int) -> float:
    assert b != 0, "b must be non-zero"
    return a / b


def main() -> None:
    assert 1 + 1 == 2
    assert True, "never shown"
    print(checked_div(6, 3))
    try:
        checked_div(1, 0)
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        assert len("abc") == 4
    except AssertionError as e:
        print("bare assert:", repr(str(e)))
    n = 5
    try:
        assert n < 0, f"n was {n}"
    except AssertionError as e:
        print(e)


main()
