from records import Record, load

count: int = load()  # error: assignment
r = Record("a")
r.size = "big"  # error: assignment
