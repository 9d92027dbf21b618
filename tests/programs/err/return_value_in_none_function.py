def log(msg: str) -> None:
    print(msg)
    return len(msg)  # error: return-value


log("x")
