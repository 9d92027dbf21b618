class Tool:
    def run() -> None:  # error: misc
        print("run")


print("x")
