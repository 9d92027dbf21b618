def sign(n: int) -> int:
    if n > 0:
        return 1
    if n < 0:
        return -1
    assert False, "zero has no sign here"


def pick(flag: bool) -> str:
    if flag:
        return "yes"
    elif not flag:
        return "no"


def invert(flag: bool) -> int:
    if not flag:
        return 0
    elif flag:
        return 1


def parity(n: int) -> str:
    if n:
        return "nonzero"
    elif not n:
        return "zero"


def first(text: str, fallback: int | None) -> str:
    if text:
        return text
    elif fallback:
        return str(fallback)
    elif not text:
        return "-"


def tri(state: bool | None) -> str:
    if not state:
        return "off"
    elif state:
        return "on"


def checked(n: int) -> int:
    if n >= 0:
        return n
    else:
        assert False


print(sign(5), sign(-3), pick(True), pick(False), invert(True), invert(False), checked(4))
print(parity(3), parity(0), first("a", None), first("", 4), first("", None), tri(None), tri(True))
try:
    sign(0)
except AssertionError as error:
    print("assertion:", error)
