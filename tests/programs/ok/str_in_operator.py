def main() -> None:
    s = "the quick brown fox"
    print("quick" in s, "slow" in s, "" in s, "q" not in s, "T" in s)
    vowels = "aeiou"
    print([c for c in s if c in vowels])
    print(sum(1 for c in s if c not in vowels and c != " "))


main()
