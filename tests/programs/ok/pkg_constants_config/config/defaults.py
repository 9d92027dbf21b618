from typing import Optional

MAX_RETRIES = 3
TIMEOUT: float = 2
NAME: Optional[str] = None
DEFAULTS: dict[str, int] = {"retries": MAX_RETRIES, "port": 8080}


def describe(key: str) -> str:
    v = DEFAULTS.get(key)
    if v is None:
        return key + " has no default"
    return f"{key}={v}"
