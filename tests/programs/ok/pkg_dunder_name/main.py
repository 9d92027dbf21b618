import pkg
import pkg.mod
from pkg import other

print("main:", __name__)
print(pkg.name_of_package(), pkg.mod.name_of_mod(), other.NAME)
