def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def hofstadter_f(n: int) -> int:
    return 1 if n == 0 else n - hofstadter_m(hofstadter_f(n - 1))


def hofstadter_m(n: int) -> int:
    return 0 if n == 0 else n - hofstadter_f(hofstadter_m(n - 1))


def main() -> None:
    print([is_even(n) for n in range(6)], is_odd(99))
    print([hofstadter_f(n) for n in range(15)])
    print([hofstadter_m(n) for n in range(15)])


main()
