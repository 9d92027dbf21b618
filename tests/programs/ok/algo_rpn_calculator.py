class CalcError(Exception):
    pass


def rpn(expr: str) -> float:
    stack: list[float] = []
    for tok in expr.split():
        if tok in ("+", "-", "*", "/"):
            if len(stack) < 2:
                raise CalcError(f"not enough operands for {tok}")
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            else:
                stack.append(a / b)
        else:
            try:
                stack.append(float(tok))
            except ValueError:
                raise CalcError(f"bad token {tok!r}")
    if len(stack) != 1:
        raise CalcError(f"stack has {len(stack)} items")
    return stack[0]


def main() -> None:
    for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "1 0 /", "1 +", "1 2", "2 x *", "10 4 /"]:
        try:
            print(e, "=", rpn(e))
        except CalcError as err:
            print(e, "-> CalcError:", err)
        except ZeroDivisionError as err:
            print(e, "-> ZeroDivisionError:", err)


main()
