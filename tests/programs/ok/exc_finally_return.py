def f1() -> str:
    try:
        return "try"
    finally:
        print("f1 finally runs")


def f2() -> str:
    try:
        return "try"
    finally:
        return "finally wins"


def f3() -> int:
    try:
        raise ValueError("lost")
    finally:
        return 42


def f4() -> list[str]:
    out: list[str] = []
    try:
        out.append("a")
        return out
    finally:
        out.append("b")


def main() -> None:
    print(f1())
    print(f2())
    print(f3())
    print(f4())


main()
