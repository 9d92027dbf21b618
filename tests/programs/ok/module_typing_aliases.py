from typing import Dict, List, Optional, Set, Tuple


def summarize(scores: Dict[str, List[int]]) -> List[Tuple[str, float]]:
    out: List[Tuple[str, float]] = []
    for name, vals in scores.items():
        out.append((name, sum(vals) / len(vals)))
    return out


def unique(xs: List[str]) -> Set[str]:
    return set(xs)


def lookup(d: Dict[str, int], k: str) -> Optional[int]:
    return d.get(k)


def main() -> None:
    print(summarize({"a": [1, 2], "b": [5]}))
    print(sorted(unique(["x", "y", "x"])))
    print(lookup({"k": 1}, "k"), lookup({}, "k"))


main()
