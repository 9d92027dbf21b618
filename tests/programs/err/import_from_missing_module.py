from helpers_that_do_not_exist import tool  # error: import

print("x")
