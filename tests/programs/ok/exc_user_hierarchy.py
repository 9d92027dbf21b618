class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, what: str) -> None:
        super().__init__(f"{what} not found")
        self.what: str = what


class Forbidden(AppError):
    pass


class VeryForbidden(Forbidden):
    pass


def fetch(key: str) -> str:
    if key == "secret":
        raise VeryForbidden("no access to " + key)
    if key == "admin":
        raise Forbidden("admin only")
    if key != "home":
        raise NotFound(key)
    return "home page"


def main() -> None:
    for key in ["home", "nope", "admin", "secret"]:
        try:
            print(fetch(key))
        except NotFound as e:
            print("404:", e, "/", e.what)
        except VeryForbidden as e:
            print("403+:", e)
        except Forbidden as e:
            print("403:", e)
    try:
        fetch("x")
    except AppError as e:
        print("base caught:", e, isinstance(e, NotFound), isinstance(e, Exception))
    try:
        fetch("secret")
    except Exception as e:
        print("Exception caught:", e)


main()
