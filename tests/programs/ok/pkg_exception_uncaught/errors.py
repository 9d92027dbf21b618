class AppError(Exception):
    pass


class ValidationError(AppError):
    pass


class FatalError(AppError):
    pass
