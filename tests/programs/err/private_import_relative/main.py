from pkg.api import run

print(run())
