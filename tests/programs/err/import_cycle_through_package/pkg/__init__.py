from pkg.core import engine_name  # error: import-cycle

VERSION = "1"
