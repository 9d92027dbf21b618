print("pkg/mod:", __name__)


def name_of_mod() -> str:
    return __name__
