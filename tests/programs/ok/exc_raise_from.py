class ConfigError(Exception):
    pass


def load(text: str) -> int:
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad config value {text!r}") from e


def load_quiet(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ConfigError("quiet") from None


def main() -> None:
    print(load("5"))
    try:
        load("five")
    except ConfigError as e:
        print("ConfigError:", e)
    try:
        load_quiet("x")
    except ConfigError as e:
        print("ConfigError:", e)


main()
