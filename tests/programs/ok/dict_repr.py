from typing import Optional


def main() -> None:
    print({"k": (1, 2)}, {1: "a", 2: "b"})
    print({"nested": {"inner": [1, 2.5]}}, {(1, "a"): None})
    print({1.5: True, 2.0: False}, {"q'": 'd"'})
    opt: dict[str, Optional[int]] = {"x": None, "y": 3}
    print(opt, str(opt), repr(opt))
    print({"a": [0], "b": [[1], [2]]})


main()
