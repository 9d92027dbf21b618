def todo() -> None:
    ...  # error: unsupported


todo()
