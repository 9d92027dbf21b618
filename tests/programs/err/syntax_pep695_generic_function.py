def first[T](xs: list[T]) -> T:  # error: syntax
    return xs[0]


print(first([1]))
