from . import util
from .util import shout

print("app.core loaded")

calls: int = 0


def process(text: str) -> str:
    global calls
    calls += 1
    return shout(text) + " " + util.whisper(text)


def count_calls() -> int:
    return calls
