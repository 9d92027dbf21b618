from finder import find

print(find(["apple"], "a").upper())  # error: union-attr
