total: int = 0
for i in range(5):
    total += i
print(total)

words: list[str] = []
for w in "module level loop".split():
    words.append(w.upper())
print(words)

n: int = 10
while n > 0:
    n -= 4
print(n)

label: str
if total > 5:
    label = "big"
else:
    label = "small"
print(label)

squares = {k: k * k for k in range(4)}
print(squares)
value: int
try:
    value = int("x")
except ValueError:
    value = -1
print(value)
