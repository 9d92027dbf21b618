from util import _helper  # error: private-import
from util import public

print(_helper(), public())
