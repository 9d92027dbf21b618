def is_prime(n: int) -> bool:
    if n < 2:
        return False
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return False
    return True


def main() -> None:
    for n in range(2, 30):
        for d in range(2, n):
            if n % d == 0:
                break
        else:
            print(n, end=" ")
    print()
    nothing: list[int] = []
    for x in nothing:
        print("never")
    else:
        print("empty for else")
    print([n for n in range(20) if is_prime(n)])


main()
