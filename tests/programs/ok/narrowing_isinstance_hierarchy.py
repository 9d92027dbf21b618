class Expr:
    pass


class Num(Expr):
    def __init__(self, v: int) -> None:
        self.v: int = v


class Add(Expr):
    def __init__(self, a: Expr, b: Expr) -> None:
        self.a: Expr = a
        self.b: Expr = b


class Mul(Expr):
    def __init__(self, a: Expr, b: Expr) -> None:
        self.a: Expr = a
        self.b: Expr = b


class Neg(Expr):
    def __init__(self, e: Expr) -> None:
        self.e: Expr = e


def evaluate(e: Expr) -> int:
    if isinstance(e, Num):
        return e.v
    if isinstance(e, Add):
        return evaluate(e.a) + evaluate(e.b)
    if isinstance(e, Mul):
        return evaluate(e.a) * evaluate(e.b)
    if isinstance(e, Neg):
        return -evaluate(e.e)
    raise ValueError("unknown expression")


def show(e: Expr) -> str:
    if isinstance(e, Num):
        return str(e.v)
    elif isinstance(e, Add):
        return f"({show(e.a)} + {show(e.b)})"
    elif isinstance(e, Mul):
        return f"{show(e.a)} * {show(e.b)}"
    elif isinstance(e, Neg):
        return f"-{show(e.e)}"
    else:
        return "?"


def main() -> None:
    tree = Add(Num(2), Mul(Num(3), Neg(Add(Num(1), Num(4)))))
    print(show(tree), "=", evaluate(tree))
    try:
        evaluate(Expr())
    except ValueError as e:
        print("ValueError:", e)


main()
