class Base:
    def scale(self, n: int) -> int:
        return n


class Child(Base):
    @staticmethod
    def scale(n: int) -> int:  # error: unsupported
        return n * 2
