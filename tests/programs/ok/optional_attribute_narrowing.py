from typing import Optional


class Config:
    def __init__(self) -> None:
        self.path: Optional[str] = None
        self.level: Optional[int] = None

    def describe(self) -> str:
        path = self.path
        if path is None:
            return "no path"
        return "path=" + path.upper()


def main() -> None:
    c = Config()
    print(c.describe())
    c.path = "/tmp/x"
    print(c.describe())
    if c.level is None:
        c.level = 3
    print(c.level + 1)


main()
