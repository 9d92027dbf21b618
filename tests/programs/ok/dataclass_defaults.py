from dataclasses import dataclass
from typing import Optional


@dataclass
class Settings:
    name: str
    retries: int = 3
    timeout: float = 1.5
    verbose: bool = False
    tag: Optional[str] = None


def main() -> None:
    print(Settings("a"))
    print(Settings("b", 5))
    print(Settings("c", timeout=10))
    print(Settings("d", verbose=True, tag="x"))
    print(Settings(name="e", retries=0, timeout=0.25, verbose=False, tag=None))


main()
