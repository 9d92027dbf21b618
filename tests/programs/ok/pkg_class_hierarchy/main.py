from animals.base import Animal
from animals.dogs import Dog, Puppy
from animals.cats import Cat


def main() -> None:
    zoo: list[Animal] = [Dog("rex"), Cat("tom"), Puppy("bit"), Animal("generic")]
    for a in zoo:
        print(a.describe())
        if isinstance(a, Dog):
            print("  dog trick:", a.fetch())
    print(sum(1 for a in zoo if isinstance(a, Dog)))


main()
