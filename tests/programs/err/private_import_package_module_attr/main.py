from pkg import util

print(util.public())
print(util._counter)  # error: private-import
