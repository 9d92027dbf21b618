def main() -> None:
    phone = {"ann": "555-1234", "bob": "555-9876"}
    for name in ["ann", "cy"]:
        number = phone.get(name)
        if number is None:
            print(name, "unknown")
        else:
            print(name, number.replace("-", ""))
    ages: dict[str, int] = {"x": 0}
    a = ages.get("x")
    print(a, a is None, ages.get("y"), ages.get("y", 99))
    b = ages.get("x")
    if b is not None:
        print("narrowed", b + 1)


main()
