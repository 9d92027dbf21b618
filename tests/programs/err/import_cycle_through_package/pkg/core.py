from pkg import VERSION


def engine_name() -> str:
    return "engine " + VERSION
