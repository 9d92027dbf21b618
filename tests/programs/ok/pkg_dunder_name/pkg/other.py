NAME = __name__
print("pkg/other:", NAME)
