from errors import AppError, ValidationError
import service


def main() -> None:
    try:
        service.handle("")
    except ValidationError as e:
        print("validation:", e)
    try:
        service.handle("boom")
    except AppError as e:
        print("app error:", e)
    print(service.handle("ok"))
    service.handle("fatal")


main()
