class Animal:
    def name(self) -> str:
        return "animal"


class Dog(Animal):
    def bark(self) -> str:
        return "woof"


def speak(a: Animal) -> str:
    return a.bark()  # error: attr-defined


print(speak(Dog()))
