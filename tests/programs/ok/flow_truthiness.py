from typing import Optional


def describe(label: str, value: bool) -> None:
    print(label, "truthy" if value else "falsy")


def main() -> None:
    describe("0", bool(0))
    describe("1", bool(1))
    describe("-0.0", bool(-0.0))
    describe("''", bool(""))
    describe("'a'", bool("a"))
    describe("[1]", bool([1]))
    describe("{1: 2}", bool({1: 2}))
    describe("None", bool(None))
    xs = [0]
    if xs:
        print("non-empty list is truthy")
    s = ""
    if not s:
        print("empty string is falsy")
    o: Optional[int] = 0
    if o:
        print("unreachable")
    elif o is not None:
        print("zero but not None")
    while xs:
        xs.pop()
    print(xs)


main()
