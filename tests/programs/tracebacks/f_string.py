z = 0
print(f"value {1 // z}")
