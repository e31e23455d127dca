class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, msg):
        super().__init__(f"{table}: {msg}")
        self.table = table
class NotFound(DbError):
    pass
try:
    raise NotFound("users", "no row 5")
except AppError as e:
    print(type(e).__name__, e, e.table, e.args)
print([c.__name__ for c in NotFound.__mro__])
print(issubclass(NotFound, Exception), issubclass(NotFound, BaseException))
