def is_palindrome(s: str) -> bool:
    cleaned = "".join(c.lower() for c in s if c.isalnum())
    return cleaned == cleaned[::-1]


def main() -> None:
    for s in ["racecar", "A man, a plan, a canal: Panama", "hello", "", "No 'x' in Nixon", "ab"]:
        print(repr(s), is_palindrome(s))


main()
