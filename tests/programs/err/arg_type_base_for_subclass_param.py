class Animal:
    pass


class Dog(Animal):
    def bark(self) -> str:
        return "woof"


def walk(d: Dog) -> str:
    return d.bark()


print(walk(Animal()))  # error: arg-type
