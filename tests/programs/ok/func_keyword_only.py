def connect(host: str, *, port: int = 80, secure: bool = False) -> str:
    scheme = "https" if secure else "http"
    return f"{scheme}://{host}:{port}"


def clamp(value: float, *, lo: float, hi: float) -> float:
    return max(lo, min(hi, value))


def main() -> None:
    print(connect("example.com"))
    print(connect("example.com", port=443, secure=True))
    print(connect("localhost", secure=True))
    print(clamp(5, lo=0, hi=3), clamp(-1.5, hi=10, lo=-1), clamp(value=2, lo=1, hi=4))


main()
