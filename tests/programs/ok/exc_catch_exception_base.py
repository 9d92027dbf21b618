from typing import Callable


def main() -> None:
    samples: list[Callable[[], int]] = [
        lambda: 1 // 0,
        lambda: [0][1],
        lambda: {"a": 0}["b"],
        lambda: int("q"),
    ]
    for i, f in enumerate(samples):
        try:
            print(f())
        except Exception as e:
            print(i, "caught:", e)


main()
