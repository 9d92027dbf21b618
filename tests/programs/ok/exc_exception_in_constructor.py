class Positive:
    def __init__(self, v: int) -> None:
        if v <= 0:
            raise ValueError(f"{v} is not positive")
        self.v: int = v


def main() -> None:
    made: list[Positive] = []
    for v in [3, -1, 0, 5]:
        try:
            made.append(Positive(v))
        except ValueError as e:
            print("rejected:", e)
    print([p.v for p in made])


main()
