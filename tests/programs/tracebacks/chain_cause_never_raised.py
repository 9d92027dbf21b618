def fail() -> None:
    raise RuntimeError("outer") from ValueError("inner")


fail()
