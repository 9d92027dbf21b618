import mathpkg
import mathpkg.stats


def main() -> None:
    print(mathpkg.square(7), mathpkg.VERSION)
    print(mathpkg.stats.mean([1, 2, 3, 4]))
    print(mathpkg.stats.median([5, 1, 4]), mathpkg.stats.median([4, 1, 3, 2]))


main()
