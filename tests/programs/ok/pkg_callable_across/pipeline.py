from typing import Callable


def run_pipeline(x: int, steps: list[Callable[[int], int]]) -> int:
    for step in steps:
        x = step(x)
    return x


def make_scaler(k: int) -> Callable[[int], int]:
    def scale(v: int) -> int:
        return v * k
    return scale
