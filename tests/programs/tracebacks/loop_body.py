def gen(n: int) -> list[int]:
    out: list[int] = []
    for i in range(n):
        out.append(10 // (i - 2))
    return out


for v in gen(5):
    print(v)
