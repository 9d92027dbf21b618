counter = 0
nonlocal counter  # error: syntax
