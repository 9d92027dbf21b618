from app import core
from app.util import shout


def main() -> None:
    print(core.process("hello"))
    print(shout("direct"))
    print(core.count_calls())


if __name__ == "__main__":
    main()
