def connect(host: str, *, port: int = 80) -> str:
    return f"{host}:{port}"


print(connect("h", 8080))  # error: call-arg
