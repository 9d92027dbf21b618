class Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, s: str) -> "Builder":
        self.parts.append(s)
        return self

    def sep(self) -> "Builder":
        return self.add(",")

    def build(self) -> str:
        return "".join(self.parts)


def main() -> None:
    b = Builder().add("a").sep().add("b").sep().add("c")
    print(b.build())
    print(Builder().build() == "", len(b.parts))


main()
