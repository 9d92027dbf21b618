class Counter:
    count = 2

    def bump(self) -> None:
        # Python would give the instance an attribute of its own, which Typhon cannot.
        self.count += 10  # error: unsupported


Counter().bump()
