class Base:
    def area(self, scale: int) -> int:
        return scale


class Child(Base):
    def area(self, scale: str) -> int:  # error: misc
        return 1


print(Child().area("x"))
