def area(side: int) -> int:
    return side * side
