class Animal:
    def name(self) -> str:
        return "animal"


class Dog(Animal):
    def name(self) -> str:
        return "dog"


class Puppy(Dog):
    pass


class Cat(Animal):
    pass


def main() -> None:
    zoo: list[Animal] = [Animal(), Dog(), Puppy(), Cat()]
    for a in zoo:
        print(a.name(), isinstance(a, Animal), isinstance(a, Dog), isinstance(a, Puppy), isinstance(a, Cat))
    print(isinstance(3, int), isinstance(3.0, float), isinstance("s", str), isinstance(True, int))
    print(isinstance(3, float), isinstance(2.5, float), isinstance("", str), isinstance(False, bool))
    print(isinstance(Dog(), (Cat, Puppy)), isinstance(Puppy(), (Cat, Dog)))


main()
