d: dict[int, int] = {1: 10}
try:
    for k in d:
        d[k + 1] = k
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)

s: set[int] = {1}
try:
    for v in s:
        s.add(2)
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(s))

s2: set[int] = {1, 2, 3}
try:
    for v in s2:
        s2.discard(v)
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(s2))

ws = [0, 1, 2]
for w in reversed(ws):
    print(w)
    ws.clear()
print(ws)

xs = [1, 2, 3, 4]
for x in reversed(xs):
    print("x", x)
    if x == 3:
        xs.append(9)
print(xs)

ts = (1, 2, 3)
print(list(reversed(ts)), list(reversed("abc")), list(reversed(range(3))))

d2: dict[str, int] = {"a": 1, "b": 2}
for key in d2:
    d2[key] = d2[key] * 10
print(d2)

ls = [1, 2, 3]
for i in ls:
    if i < 3:
        ls.append(i + 10)
print(ls)

d3: dict[int, int] = {1: 1, 2: 2}
try:
    for i, k in enumerate(d3):
        d3[k + 5] = i
except RuntimeError as e:
    print("RuntimeError:", e)

rs = reversed([1, 2, 3])
print(list(enumerate(rs)))
print(list(rs))
