import pkg

print(pkg.VERSION)
