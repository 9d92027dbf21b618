def main() -> None:
    print("{name} is {age}".format(name="Bo", age=7))
    print("{x}/{y}".format(x=10, y=20))
    template = "Hello, {name}! You have {n} new messages."
    print(template.format(name="Ann", n=3))
    print("{0} {who:>6}".format("hi", who="you"))


main()
