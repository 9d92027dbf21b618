def main() -> None:
    v = 2.5
    print(f"[{v:10}]")
    print(f"[{v:<10}]")
    print(f"[{v:>10}]")
    print(f"[{v:^10}]")
    print(f"[{v:*^10.3f}]")
    print(f"[{v:0>10.2f}]")
    print(f"[{-v:=10.2f}]")
    print(f"[{-v:010.2f}]")
    print(f"[{v:010.2f}]")
    print(f"[{v:_<8}]")
    width = 12
    prec = 4
    print(f"[{v:{width}.{prec}f}]")
    print(f"[{v:>{width}}]")
    for value in [1.0, 22.25, 333.125, -4.5]:
        print(f"{value:>8.2f}|{value:<8.1f}|{value:^9.3f}|")


main()
