class Greeter:
    def hello(self) -> str:
        return "hello"


print(Greeter.hello())  # error: call-arg
