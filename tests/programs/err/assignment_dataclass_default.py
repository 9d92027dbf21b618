from dataclasses import dataclass


@dataclass
class Job:
    name: str
    priority: int = 1.5  # error: assignment


print(Job("a"))
