import sys

print(sys.platform_name)  # error: attr-defined
