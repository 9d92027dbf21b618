class _Base:
    def name(self) -> str:
        return "base"


class Square(_Base):
    def name(self) -> str:
        return "square"
