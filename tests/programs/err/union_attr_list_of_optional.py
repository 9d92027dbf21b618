from typing import Optional


def main() -> None:
    names: list[Optional[str]] = ["a", None]
    for n in names:
        print(n.upper())  # error: union-attr


main()
