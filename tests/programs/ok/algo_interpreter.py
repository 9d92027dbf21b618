class Token:
    def __init__(self, kind: str, text: str) -> None:
        self.kind: str = kind
        self.text: str = text


def lex(src: str) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            out.append(Token("num", src[i:j]))
            i = j
        elif c in "+-*/()":
            out.append(Token("op", c))
            i += 1
        else:
            raise ValueError(f"unexpected character {c!r} at {i}")
    return out


class Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens: list[Token] = tokens
        self.pos: int = 0

    def peek(self) -> str:
        return self.tokens[self.pos].text if self.pos < len(self.tokens) else ""

    def take(self) -> str:
        t = self.tokens[self.pos].text
        self.pos += 1
        return t

    def expr(self) -> int:
        v = self.term()
        while self.peek() in ("+", "-") and self.peek() != "":
            if self.take() == "+":
                v += self.term()
            else:
                v -= self.term()
        return v

    def term(self) -> int:
        v = self.factor()
        while self.peek() in ("*", "/") and self.peek() != "":
            if self.take() == "*":
                v *= self.factor()
            else:
                v //= self.factor()
        return v

    def factor(self) -> int:
        t = self.take()
        if t == "-":
            return -self.factor()
        if t == "(":
            v = self.expr()
            self.take()
            return v
        return int(t)


def evaluate(src: str) -> int:
    return Parser(lex(src)).expr()


def main() -> None:
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "-7 / 2", "2 * (3 + 4) * 5 - 6 / 2", "10 - 2 - 3", "1 / 0", "2 $ 3"]:
        try:
            print(src, "=", evaluate(src))
        except ZeroDivisionError as e:
            print(src, "->", e)
        except ValueError as e:
            print(src, "->", e)


main()
