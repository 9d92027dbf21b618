def main() -> None:
    words = ["plain", "it's", 'say "hi"', "tab\t", "nl\n", "uni é", "emoji 😀", "\\", ""]
    print(words)
    for w in words:
        print(w)
    print({w: len(w) for w in words[:3]})
    print(tuple(words[:2]))


main()
