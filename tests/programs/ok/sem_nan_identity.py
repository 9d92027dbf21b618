import math

n = float("nan")
print({n: 1}.get(n), n in {n}, float("nan") in [n], [float("nan")] == [n])
xs = [n]
print(n in xs, xs == xs, [n] == [n], xs.count(n), xs.index(n), (n,) == (n,))
print(n == n, n is n, n != n)
d: dict[float, str] = {n: "x"}
print(d[n], n in d, float("nan") in d)
m = float("nan")
print(m is n, m == n, [m] == [n], {m: 1}.get(n))
ys = [1.0, n, 2.0]
ys.remove(n)
print(ys)
print(math.nan in [math.nan], math.isnan(n))
s: set[float] = {n, m}
print(len(s))
print(float("-nan"), n)
