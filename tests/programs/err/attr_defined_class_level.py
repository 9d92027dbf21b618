class Config:
    DEBUG = False


print(Config.VERBOSE)  # error: attr-defined
