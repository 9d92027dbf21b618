def main() -> None:
    zero = 0
    for label in ["div", "floordiv", "mod", "divmod", "fdiv", "ffloordiv", "fmod", "pow"]:
        try:
            if label == "div":
                print(1 / zero)
            elif label == "floordiv":
                print(1 // zero)
            elif label == "mod":
                print(1 % zero)
            elif label == "divmod":
                print(divmod(1, zero))
            elif label == "fdiv":
                print(1.5 / zero)
            elif label == "ffloordiv":
                print(1.5 // zero)
            elif label == "fmod":
                print(1.5 % zero)
            else:
                print(0.0 ** -1)
        except ZeroDivisionError as e:
            print(label, "->", e)


main()
