exec("print(1)")  # error: unsupported
