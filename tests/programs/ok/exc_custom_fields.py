class HttpError(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"{code} {reason}")
        self.code: int = code
        self.reason: str = reason

    def is_client_error(self) -> bool:
        return 400 <= self.code < 500


class Timeout(HttpError):
    def __init__(self, seconds: float) -> None:
        super().__init__(504, "timeout")
        self.seconds: float = seconds


def request(path: str) -> str:
    if path == "/slow":
        raise Timeout(2.5)
    if path != "/":
        raise HttpError(404, "Not Found")
    return "OK"


def main() -> None:
    for p in ["/", "/missing", "/slow"]:
        try:
            print(request(p))
        except Timeout as t:
            print("timeout after", t.seconds, "->", t, t.code)
        except HttpError as h:
            print("http", h.code, h.reason, h.is_client_error(), str(h))


main()
