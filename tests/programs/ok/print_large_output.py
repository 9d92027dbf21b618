def main() -> None:
    for i in range(200):
        print(i, i * i, str(i) * (i % 5), sep=",")
    print("x" * 5000)


main()
