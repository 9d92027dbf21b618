from config.defaults import DEFAULTS, MAX_RETRIES, describe
from config import defaults


def main() -> None:
    print(DEFAULTS)
    print(MAX_RETRIES, defaults.TIMEOUT, defaults.NAME)
    print(describe("retries"), describe("missing"))


main()
