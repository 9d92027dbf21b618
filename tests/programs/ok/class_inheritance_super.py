class Animal:
    def __init__(self, name: str, sound: str) -> None:
        self.name: str = name
        self.sound: str = sound

    def speak(self) -> str:
        return f"{self.name} says {self.sound}"

    def kind(self) -> str:
        return "animal"


class Dog(Animal):
    def __init__(self, name: str) -> None:
        super().__init__(name, "woof")
        self.tricks: list[str] = []

    def speak(self) -> str:
        return super().speak() + "!"

    def kind(self) -> str:
        return "dog, an " + super().kind()


class Puppy(Dog):
    def speak(self) -> str:
        return super().speak().upper()


def main() -> None:
    a = Animal("generic", "...")
    d = Dog("rex")
    d.tricks.append("sit")
    p = Puppy("bit")
    for x in [a, d, p]:
        print(x.speak(), "|", x.kind())
    print(d.tricks, p.tricks, p.name)


main()
