class Animal:
    pass


class Cat(Animal):
    pass


def main() -> None:
    cats: list[Cat] = [Cat()]
    animals: list[Animal] = cats  # error: assignment
    print(len(animals))


main()
