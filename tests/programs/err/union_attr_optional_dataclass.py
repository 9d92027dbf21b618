from dataclasses import dataclass
from typing import Optional


@dataclass
class User:
    name: str


def lookup(users: dict[int, User], uid: int) -> Optional[User]:
    return users.get(uid)


print(lookup({1: User("ann")}, 1).name)  # error: union-attr
