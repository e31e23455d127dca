import sys, traceback
class Custom(Exception):
    def __str__(self):
        return "custom message"
class Empty(Exception):
    pass
for exc in (Custom(), Empty(), Empty(""), KeyError("key"), ValueError("multi\nline")):
    try:
        raise exc
    except Exception:
        traceback.print_exc(file=sys.stdout)
