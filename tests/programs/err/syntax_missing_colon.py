def main() -> None  # error: syntax
    print("x")
