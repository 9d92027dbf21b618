total = 10
total //= 0
