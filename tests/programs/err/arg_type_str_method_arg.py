def main() -> None:
    s = "a,b,c"
    print(s.split(1))  # error: arg-type
    print(s.replace("a", 2))  # error: arg-type


main()
