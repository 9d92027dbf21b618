LEVEL = 2


def where() -> str:
    return "ns.sub.deep (namespace packages all the way)"
