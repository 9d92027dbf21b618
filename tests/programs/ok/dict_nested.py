def main() -> None:
    db: dict[str, dict[str, list[int]]] = {}
    db["alice"] = {"scores": [90, 85]}
    db["bob"] = {"scores": [70], "bonus": [5]}
    db["alice"]["scores"].append(100)
    print(db)
    for name, info in db.items():
        total = 0
        for values in info.values():
            total += sum(values)
        print(name, total)
    index: dict[str, list[str]] = {"x": ["a"]}
    index["x"].append("b")
    print(index["x"], len(index["x"]))


main()
