import worker  # error: import-cycle

LIMIT = 3
print(worker.run())
