from .base import Animal


class Dog(Animal):
    def sound(self) -> str:
        return "woof"

    def fetch(self) -> str:
        return self.name + " fetches"


class Puppy(Dog):
    def sound(self) -> str:
        return super().sound() + " (squeaky)"
