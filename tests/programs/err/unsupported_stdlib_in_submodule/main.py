from app.paths import join

print(join("a", "b"))
