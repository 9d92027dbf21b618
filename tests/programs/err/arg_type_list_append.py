def main() -> None:
    xs: list[int] = [1]
    xs.append("2")  # error: arg-type
    more = ["3"]
    xs.extend(more)  # error: arg-type
    print(xs)


main()
