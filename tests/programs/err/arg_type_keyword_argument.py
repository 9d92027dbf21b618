def connect(host: str, *, port: int = 80) -> str:
    return f"{host}:{port}"


print(connect("h", port="8080"))  # error: arg-type
