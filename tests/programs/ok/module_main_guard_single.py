def helper() -> str:
    return "helper called"


print("top level runs, __name__ is", __name__)

if __name__ == "__main__":
    print(helper())
else:
    print("imported")
