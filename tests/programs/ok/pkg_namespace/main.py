import ns.tools
from ns.sub import deep
from ns.sub.deep import LEVEL


def main() -> None:
    print(ns.tools.add(2, 3))
    print(deep.where(), LEVEL)


main()
