from a import run

print(run())
