import sys
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print(t, type(v).__name__, getattr(v, 'args', None), tb.tb_lineno if tb else None)
        print(sys.exc_info()[0])
        return True
with Inspect():
    raise ZeroDivisionError("z")
with Inspect():
    pass
