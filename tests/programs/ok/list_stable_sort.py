def main() -> None:
    people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
    by_age = sorted(people, key=lambda p: p[1])
    print(by_age)
    by_age_desc = sorted(people, key=lambda p: p[1], reverse=True)
    print(by_age_desc)
    names = sorted(people)
    print(names)
    people.sort(key=lambda p: (-p[1], p[0]))
    print(people)
    words = ["bb", "a", "ccc", "dd", "e"]
    print(sorted(words, key=len), sorted(words, key=len, reverse=True))


main()
