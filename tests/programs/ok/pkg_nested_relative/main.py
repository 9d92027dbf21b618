from top.left.leaf import describe
from top.right import helpers


def main() -> None:
    print(describe())
    print(helpers.double(21))


main()
