def first(xs: list[str]) -> str:
    return xs[0]


d = {"a": "b"}
print(first(d))  # error: arg-type
