from errors import AppError, FatalError, ValidationError


def handle(request: str) -> str:
    if not request:
        raise ValidationError("empty request")
    if request == "boom":
        raise AppError("service exploded")
    if request == "fatal":
        raise FatalError("cannot continue")
    return "handled " + request
