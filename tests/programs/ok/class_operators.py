class Vec:
    def __init__(self, x: float, y: float) -> None:
        self.x: float = x
        self.y: float = y

    def __add__(self, other: "Vec") -> "Vec":
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other: "Vec") -> "Vec":
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k: float) -> "Vec":
        return Vec(self.x * k, self.y * k)

    def __neg__(self) -> "Vec":
        return Vec(-self.x, -self.y)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Vec):
            return self.x == other.x and self.y == other.y
        return False

    def __repr__(self) -> str:
        return f"Vec({self.x}, {self.y})"


def main() -> None:
    a = Vec(1, 2)
    b = Vec(0.5, -1)
    print(a + b, a - b, a * 3, -a, -(-b))
    print(a + b * 2 - a, a * 0.5 == Vec(0.5, 1.0))
    acc = Vec(0, 0)
    for i in range(4):
        acc = acc + Vec(i, 1)
    print(acc)
    acc += a
    acc -= b
    acc *= 2
    print(acc)


main()
