class Settings:
    retries: int = "three"  # error: assignment
    name: str = "x"


print(Settings().name)
