def log(msg: str) -> None:
    print(msg)


log("x").strip()  # error: attr-defined
