import lib

lib.limit = 5  # error: unsupported
lib.missing = 3  # error: attr-defined
print(lib.limit)
