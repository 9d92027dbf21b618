def main() -> None:
    print("apple" < "banana", "apple" < "Apple", "a" < "aa", "" < "a", "Z" < "a")
    abc = "abc"
    abd = "abd"
    print(abc == "abc", abc != abd, "b" > abc, "é" > "z")
    words = ["pear", "Apple", "banana", "apple", "Banana", "éclair", "zebra"]
    print(sorted(words))
    print(sorted(words, key=lambda w: w.lower()))
    print(max(words), min(words), max(words, key=len))
    print("10" < "9", "abc" <= "abc", "abd" >= "abc")


main()
