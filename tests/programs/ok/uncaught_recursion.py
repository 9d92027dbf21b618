def down(n: int) -> int:
    return down(n + 1) + 1


print("recursing")
print(down(0))
