_token = "abc"


def get() -> str:
    return _token
