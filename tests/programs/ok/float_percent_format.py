def main() -> None:
    for ratio in [0.0, 0.5, 0.123456, 1.0, 2.5, -0.07]:
        print(f"{ratio:%} {ratio:.0%} {ratio:.2%} {ratio:>9.1%}")
    done = 7
    total = 9
    print(f"progress: {done / total:.1%}")


main()
