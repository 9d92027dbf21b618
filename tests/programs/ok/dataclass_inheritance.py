from dataclasses import dataclass


@dataclass
class Base:
    id: int
    name: str


@dataclass
class Derived(Base):
    extra: float
    flag: bool = True

    def describe(self) -> str:
        return f"{self.id}:{self.name}:{self.extra}"


def main() -> None:
    d = Derived(1, "x", 2.5)
    print(d)
    print(d.describe(), isinstance(d, Base))
    b: Base = d
    print(b.name, b)
    print(Derived(2, "y", 0, False) == Derived(2, "y", 0.0, False))


main()
