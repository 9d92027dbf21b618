def cut(text: str, start: int | None, stop: int | None) -> str:
    return text[start:stop]


def every(items: list[int], step: int | None) -> list[int]:
    return items[::step]


start: int | None = None
print("abcdef"[start:])
print(cut("abcdef", 2, None), cut("abcdef", None, -1), cut("abcdef", 1, 3))
print(every([1, 2, 3, 4, 5], 2), every([1, 2, 3], None))
print((1, 2, 3)[start:], (1, 2, 3)[1:start])
