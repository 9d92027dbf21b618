def name() -> str:
    return "left.sibling"
