def configure(**options: str) -> None:  # error: unsupported
    pass


configure()
