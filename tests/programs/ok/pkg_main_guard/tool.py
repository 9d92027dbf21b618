def run(n: int) -> int:
    return n * n


def module_name() -> str:
    return __name__


if __name__ == "__main__":
    print("tool guard must not run on import")
else:
    print("tool imported, not main")
