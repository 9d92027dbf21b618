from .. import other  # error: import

VALUE = 1
