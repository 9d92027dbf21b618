from typing import Optional


class Animal:
    def __init__(self, name: str) -> None:
        self.name: str = name


class Cat(Animal):
    def meow(self) -> str:
        return self.name + ": meow"


class Dog(Animal):
    def bark(self) -> str:
        return self.name + ": woof"


def sound(a: Cat | Dog) -> str:
    if isinstance(a, Cat):
        return a.meow()
    return a.bark()


def maybe_sound(a: Optional[Cat | Dog]) -> str:
    if a is None:
        return "silence"
    return sound(a)


def main() -> None:
    pets: list[Cat | Dog] = [Cat("tom"), Dog("rex")]
    for p in pets:
        print(sound(p), p.name)
    print(maybe_sound(None), maybe_sound(Dog("fido")))
    animals: list[Animal] = [Cat("a"), Dog("b"), Animal("c")]
    for an in animals:
        if isinstance(an, (Cat, Dog)):
            print(sound(an))
        else:
            print(an.name, "is just an animal")


main()
