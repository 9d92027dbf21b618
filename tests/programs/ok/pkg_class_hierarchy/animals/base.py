class Animal:
    def __init__(self, name: str) -> None:
        self.name: str = name

    def sound(self) -> str:
        return "..."

    def describe(self) -> str:
        return f"{self.name} says {self.sound()}"
