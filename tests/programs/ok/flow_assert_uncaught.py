def validate(xs: list[int]) -> None:
    for x in xs:
        assert x >= 0, f"negative value: {x}"
    print("valid", xs)


validate([1, 2, 3])
validate([4, -5, 6])
print("not reached")
