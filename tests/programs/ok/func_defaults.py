def greet(name: str, greeting: str = "Hello", punct: str = "!") -> str:
    return f"{greeting}, {name}{punct}"


def power(base: int, exp: int = 2) -> int:
    result: int = base ** exp
    return result


def scaled(x: float, factor: float = 1.5) -> float:
    return x * factor


def main() -> None:
    print(greet("Ann"))
    print(greet("Bob", "Hi"))
    print(greet("Cy", "Yo", "?"))
    print(greet("Di", punct="."))
    print(power(3), power(3, 3), power(exp=4, base=2))
    print(scaled(2), scaled(2, 2), scaled(x=1, factor=0.5))


main()
