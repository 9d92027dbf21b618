n = -int("x")
