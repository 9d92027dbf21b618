from animals.base import Animal


class Cat(Animal):
    def sound(self) -> str:
        return "meow"
