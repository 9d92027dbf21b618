from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


def main() -> None:
    seen: set[Point] = set()  # error: misc
    print(len(seen))


main()
