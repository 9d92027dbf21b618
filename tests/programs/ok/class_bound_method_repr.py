# A bound method prints as CPython's: <bound method K.m of REPR>, the receiver by its repr.

class K:
    def m(self) -> int:
        return 1

    @classmethod
    def c(cls) -> int:
        return 3

    def __repr__(self) -> str:
        return "K!"


class Plain:
    def go(self) -> None:
        pass


k = K()
print(K().m)
print(K.c)
print(k.c)
print(str(k.m), [k.m])
p = Plain().go
print(repr(p).startswith("<bound method Plain.go of <__main__.Plain object at 0x"))
