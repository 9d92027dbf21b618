def convert(s: str) -> int:
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("conversion failed for " + s)


def main() -> None:
    try:
        convert("x")
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        try:
            [1][2]
        except IndexError as e:
            print("handling", e)
            {"a": 1}["b"]
    except KeyError as e:
        print("then KeyError", e)


main()
