xs: list[int] = []
print(len(xs), xs.pop())
