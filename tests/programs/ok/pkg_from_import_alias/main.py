from textutil import capitalize_words as cap, count_vowels, Counter as WordCounter
from textutil import VOWELS


def main() -> None:
    print(cap("hello big world"))
    print(count_vowels("Typhon is fast"), VOWELS)
    wc = WordCounter()
    for w in "a b a c b a".split():
        wc.add(w)
    print(wc.most_common())


main()
