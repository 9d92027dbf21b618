from dataclasses import dataclass


@dataclass
class User:
    name: str
    age: int


u = User("ann")  # error: call-arg
v = User("bob", 3, "extra")  # error: call-arg
