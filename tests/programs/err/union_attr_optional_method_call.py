from typing import Optional


class Engine:
    def start(self) -> str:
        return "vroom"


class Car:
    def __init__(self) -> None:
        self.engine: Optional[Engine] = None

    def drive(self) -> str:
        return self.engine.start()  # error: union-attr


print(Car().drive())
