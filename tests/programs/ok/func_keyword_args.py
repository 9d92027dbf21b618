def describe(name: str, age: int, city: str) -> str:
    return f"{name} ({age}) from {city}"


def main() -> None:
    print(describe("Ann", 30, "Oslo"))
    print(describe(name="Bob", age=25, city="Rome"))
    print(describe("Cy", city="Lima", age=40))
    print(describe(city="Kyiv", name="Di", age=35))


main()
