limit: int = 1
