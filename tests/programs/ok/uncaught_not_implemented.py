class Base:
    def run(self) -> str:
        raise NotImplementedError("Base.run is abstract")


print("start")
print(Base().run())
