class Base:
    count: int = 1
    LIMIT = 10

    def __init__(self) -> None:
        self.name: str = "base"

    def size(self) -> int:
        return 1


class MethodToField(Base):
    size: int = 3  # error: assignment


class FieldToMethod(Base):
    def count(self) -> int:  # error: misc
        return 2


class FieldRetyped(Base):
    count: str = "a"  # error: assignment


class InitFieldRetyped(Base):
    name: int = 0  # error: assignment


class ConstantRetyped(Base):
    LIMIT = "ten"  # error: assignment
