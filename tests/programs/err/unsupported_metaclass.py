class Meta:
    pass


class Model(metaclass=Meta):  # error: unsupported
    pass


print("x")
