d: dict[str, int] = {"a": 1}
ks = d.keys()
vs = d.values()
its = d.items()
print(d.keys(), d.items(), d.values())
d["b"] = 2
print(list(ks))
print(list(ks))
print(ks, vs, its)
print(len(d.values()), len(d.keys()), len(its))
print("a" in d.keys(), "z" in ks, ("a", 1) in d.items(), ("a", 2) in its, 2 in vs, 5 in vs)
print(sorted(vs), sum(vs), max(ks))
for k, v in its:
    print(k, v)
for k in ks:
    print("key", k)
print(bool(ks), bool({}.keys()))
e: dict[str, int] = {}
print(e.keys(), e.values(), e.items())
print([k + "!" for k in d.keys()], {v for v in d.values()} == {1, 2})
print(list(enumerate(d.items())))
print(list(zip(d.keys(), d.values())))
del d["a"]
print(list(ks), list(vs), list(its))
d.clear()
print(ks, len(vs))
try:
    d2: dict[int, int] = {1: 1, 2: 2}
    for k2 in d2.keys():
        d2[k2 + 10] = 0
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    d3: dict[int, int] = {1: 1, 2: 2}
    for v in d3.values():
        del d3[1]
except RuntimeError as err:
    print("RuntimeError:", err)
d5: dict[str, list[int]] = {"x": [1]}
print(d5.keys(), d5.values(), d5.items())
