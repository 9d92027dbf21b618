print("start")
return 5  # error: syntax
