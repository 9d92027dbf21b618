class E(Exception):
    def __repr__(self) -> str:
        return "E-repr"


class F(Exception):
    def __str__(self) -> str:
        return "F-str"


class G(KeyError):
    def __repr__(self) -> str:
        return "G-repr"


print(E("msg"))
print(str(E("a", "b")), repr(E("x")))
print(F("y"), repr(F("y")))
print(G("k"))
print([E("m")])
try:
    raise E("boom")
except E as e:
    print("caught", e, f"{e}", f"{e!r}")
raise E("msg")
