class Temperature:
    scale: str = "C"

    def __init__(self, degrees: float) -> None:
        self.degrees: float = degrees

    @classmethod
    def from_fahrenheit(cls, f: float) -> "Temperature":
        return cls((f - 32) * 5 / 9)

    @classmethod
    def freezing(cls) -> "Temperature":
        return cls(0)

    @classmethod
    def describe_scale(cls) -> str:
        return "scale " + cls.scale

    def __repr__(self) -> str:
        return f"Temperature({self.degrees})"


def main() -> None:
    print(Temperature(21.5))
    print(Temperature.from_fahrenheit(212))
    print(Temperature.freezing(), Temperature.describe_scale())
    t = Temperature(5)
    print(t.describe_scale(), t.from_fahrenheit(32))


main()
