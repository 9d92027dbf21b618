def outer(n: int) -> list[int]:
    def helper(k: int) -> int:
        return k * n

    def twice(k: int) -> int:
        return helper(helper(k))
    return [twice(i) for i in range(4)]


def main() -> None:
    print(outer(2))
    print(outer(-1))

    def local(s: str) -> str:
        return s[::-1]
    print(local("abc"))


main()
