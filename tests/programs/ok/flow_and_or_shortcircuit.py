calls: list[str] = []


def t(name: str) -> bool:
    calls.append(name)
    return True


def f(name: str) -> bool:
    calls.append(name)
    return False


def main() -> None:
    print(f("a") and t("b"))
    print(t("c") or f("d"))
    print(t("e") and f("f") or t("g"))
    print(f("h") or f("i") or t("j"))
    print(not (t("k") and t("l")))
    print(calls)
    xs: list[int] = []
    print(len(xs) > 0 and xs[0] > 1)
    d = {"k": 1}
    print("z" in d and d["z"] > 0)


main()
