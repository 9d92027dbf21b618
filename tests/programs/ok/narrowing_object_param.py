class Tag:
    def __init__(self, label: str) -> None:
        self.label: str = label

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tag):
            return self.label.lower() == other.label.lower()
        return False

    def __hash__(self) -> int:
        return len(self.label)


def describe(x: object) -> str:
    if isinstance(x, int):
        return f"int {x + 1}"
    if isinstance(x, str):
        return f"str {x.upper()}"
    if isinstance(x, Tag):
        return f"tag {x.label}"
    return "other"


def main() -> None:
    print(Tag("A") == Tag("a"), Tag("A") == Tag("b"), Tag("x") != Tag("X"))
    print(describe(41), describe("hi"), describe(Tag("t")), describe(2.5), describe(None))


main()
