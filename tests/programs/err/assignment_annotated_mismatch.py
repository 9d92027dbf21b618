x: int = "a"  # error: assignment
y: str = 5  # error: assignment
z: float = "1.5"  # error: assignment
print(x, y, z)
