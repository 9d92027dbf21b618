import sys

sys.stdout.write("hello\n")  # error: unsupported
