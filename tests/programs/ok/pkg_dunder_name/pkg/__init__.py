print("pkg/__init__:", __name__)


def name_of_package() -> str:
    return __name__
