class ParseError(ValueError):
    def __init__(self, line: int, msg: str) -> None:
        super().__init__(f"line {line}: {msg}")


def check(lines: list[str]) -> None:
    for i, line in enumerate(lines, start=1):
        if not line.strip():
            raise ParseError(i, "empty line")
        print("ok", line)


try:
    check(["a", ""])
except ValueError as e:
    print("caught once:", e)
check(["x", "y", "  "])
