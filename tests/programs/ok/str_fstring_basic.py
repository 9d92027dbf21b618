def main() -> None:
    name = "World"
    n = 3
    print(f"Hello, {name}!")
    print(f"{n} + {n} = {n + n}")
    print(f"{name!r} {name!s} {name.upper()} {len(name)}")
    print(f"{'nested'} {n * 2} {'single'}" if n > 2 else "small")
    print(f"{{braces}} {n}")
    xs = [1, 2, 3]
    print(f"{xs} {xs[0]} {xs[-1]} {sum(xs)}")
    d = {"a": 1}
    print(f"{d['a']} {d}")
    print(f"{'yes' if n > 2 else 'no'}")
    print(f"{3.5} {None} {True} {(1, 'a')}")
    print(F"upper F {n}", rf"raw {n}\n", fr"raw2 {name}\t")
    print(f"""triple {name}
second line {n}""")


main()
