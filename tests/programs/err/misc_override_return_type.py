class Base:
    def name(self) -> str:
        return "base"


class Child(Base):
    def name(self) -> int:  # error: misc
        return 1


print(Child().name())
