from shapes import _Base, Square  # error: private-import

print(Square().name(), isinstance(Square(), _Base))
