def main() -> None:
    for i in range(1, 4):
        line = ""
        for j in range(1, 4):
            line += f"{i * j:4}"
        print(line)
    found = False
    for x in range(10):
        for y in range(10):
            if x * y == 42:
                print("found", x, y)
                found = True
                break
        if found:
            break
    triples = 0
    for a in range(1, 20):
        for b in range(a, 20):
            for c in range(b, 30):
                if a * a + b * b == c * c:
                    triples += 1
    print(triples)


main()
