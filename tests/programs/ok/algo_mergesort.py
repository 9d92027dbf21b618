def merge(a: list[str], b: list[str]) -> list[str]:
    out: list[str] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def mergesort(xs: list[str]) -> list[str]:
    if len(xs) < 2:
        return xs[:]
    mid = len(xs) // 2
    return merge(mergesort(xs[:mid]), mergesort(xs[mid:]))


def main() -> None:
    words = "the quick brown fox jumps over the lazy dog again and again".split()
    print(mergesort(words))
    print(mergesort(words) == sorted(words))


main()
