def main() -> None:
    files = ["a.py", "b.rs", "c.txt", "d.pyi", "Makefile"]
    print([f for f in files if f.endswith((".py", ".pyi"))])
    print([f for f in files if f.startswith(("a", "M"))])
    print("x".startswith(()), "hello".endswith(("lo", "xx")))


main()
