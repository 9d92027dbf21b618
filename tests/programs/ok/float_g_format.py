def main() -> None:
    values: list[float] = [0.0, 1.0, 0.5, 123.456, 1234567.0, 12345678.9, 0.00001234, 1e-4, 1e100, -2.5e-8]
    for v in values:
        print(f"{v:g} {v:.2g} {v:.10g} {v:G} {v:#g}")
    print(format_all(3.0))


def format_all(x: float) -> str:
    return f"{x}|{x:}|{x:.1f}|{x:5}|{x:<5}|{x:e}"


main()
