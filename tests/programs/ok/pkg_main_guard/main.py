import tool

print("main module name:", __name__)
print("tool module name:", tool.module_name())

if __name__ == "__main__":
    print("main guard runs", tool.run(4))
