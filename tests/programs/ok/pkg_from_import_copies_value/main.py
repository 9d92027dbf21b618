# `from m import N` binds the value N has at the import: later assignments in m do not
# change it here (mutations of a shared list are seen), and assigning N here leaves m alone.

from m import N, ITEMS, LABEL, inc
import m
from relay import N as RELAYED

print(N, ITEMS, LABEL, m.N, RELAYED)
inc()
print(N, ITEMS, LABEL, m.N, m.LABEL)


def show() -> str:
    return f"{N} {LABEL}"


N = 10
print(show(), m.N)
