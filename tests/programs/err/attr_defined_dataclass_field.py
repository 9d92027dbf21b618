from dataclasses import dataclass


@dataclass
class User:
    name: str
    age: int


u = User("ann", 3)
print(u.email)  # error: attr-defined
u.nickname = "a"  # error: attr-defined
