import alpha

print(alpha.name())
