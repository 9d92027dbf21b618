import loop  # error: import-cycle

VALUE = 1
