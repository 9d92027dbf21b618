import loop

print(loop.VALUE)
