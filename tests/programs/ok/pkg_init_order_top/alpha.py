import gamma

print("alpha init, gamma says", gamma.greeting())
NAME = "alpha"
