class MathUtil:
    @staticmethod
    def square(x: int) -> int:
        return x * x

    @staticmethod
    def is_even(x: int) -> bool:
        return x % 2 == 0

    def use_static(self, v: int) -> int:
        return MathUtil.square(v) + self.square(1)


def main() -> None:
    print(MathUtil.square(5), MathUtil.is_even(3))
    m = MathUtil()
    print(m.square(4), m.is_even(4), m.use_static(3))
    f = MathUtil.square
    print(f(9))


main()
