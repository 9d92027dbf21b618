n = 10 ** 5000
print("computed")
print(n)
