class Box:
    pass


def nothing(x: int) -> None:
    pass


def boxed(x: int) -> Box:
    return Box()


values = [3, 1, 2]
print(sorted(values, key=nothing))  # error: arg-type
print(sorted(values, key=boxed))  # error: arg-type
print(min(values, key=boxed))  # error: arg-type
print(max(values, key=nothing))  # error: arg-type
values.sort(key=boxed)  # error: arg-type
print(sorted(values, key=lambda v: None))  # error: arg-type
