class Version:
    def __init__(self, text: str) -> None:
        self.parts: list[int] = [int(p) for p in text.split(".")]
        self.text: str = text

    def __lt__(self, other: "Version") -> bool:
        return self.parts < other.parts

    def __repr__(self) -> str:
        return f"v{self.text}"


def main() -> None:
    versions = [Version(t) for t in ["1.10.0", "1.2.3", "1.2", "0.9.9", "1.2.10"]]
    print(sorted(versions))
    print(sorted(versions, reverse=True))
    print(min(versions), max(versions))
    print(Version("1.0") < Version("1.0.1"), Version("2.0") < Version("1.9"))
    versions.sort()
    print(versions[0], versions[-1])


main()
