class Boom(Exception):
    pass


def bad_key(x: int) -> int:
    if x == 3:
        raise Boom("key failed")
    return -x


xs = [5, 3, 1, 4]
try:
    xs.sort(key=bad_key)
except Boom as e:
    print("Boom:", e)
print(xs)

try:
    print(sorted(xs, key=bad_key))
except Boom as e:
    print("Boom:", e)
print(xs)


class K:
    def __init__(self, v: int) -> None:
        self.v: int = v

    def __lt__(self, other: "K") -> bool:
        print("lt", self.v, other.v)
        if self.v == 99 or other.v == 99:
            raise Boom("lt failed")
        return self.v < other.v

    def __repr__(self) -> str:
        return f"K({self.v})"


ks = [K(3), K(1), K(4), K(1), K(5), K(99), K(2), K(6)]
try:
    ks.sort()
except Boom as e:
    print("Boom:", e)
print(ks)

ks2 = [K(3), K(1), K(4), K(1), K(5), K(9), K(2), K(6)]
ks2.sort()
print(ks2)
ks2.sort(reverse=True)
print(ks2)
print(sorted([K(2), K(1), K(3)], reverse=True))
ks3 = [K(5), K(4), K(3), K(7), K(99), K(1)]
try:
    ks3.sort(reverse=True)
except Boom as e:
    print("Boom:", e)
print(ks3)

ys = [3, 1, 2]


def grow(x: int) -> int:
    ys.append(x)
    return x


try:
    ys.sort(key=grow)
except ValueError as e:
    print("ValueError:", e)
print(ys)

zs = [3, 1, 2]


def grow_fail(x: int) -> int:
    zs.append(x)
    if x == 2:
        raise Boom("after append")
    return x


try:
    zs.sort(key=grow_fail)
except Boom as e:
    print("Boom:", e)
print(zs)
