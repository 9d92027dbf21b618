class Item:
    pass


class Item:  # error: misc
    pass


print("x")
