def main() -> None:
    stack: list[int] = []
    for i in range(5):
        stack.append(i * i)
    while stack:
        print(stack.pop(), end=" ")
    print()
    queue = ["a", "b", "c"]
    queue.append("d")
    out: list[str] = []
    while len(queue) > 0:
        out.append(queue.pop(0))
    print(out, queue)


main()
