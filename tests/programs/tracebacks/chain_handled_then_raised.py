try:
    int("x")
except ValueError:
    print("handled")
raise KeyError("later")
