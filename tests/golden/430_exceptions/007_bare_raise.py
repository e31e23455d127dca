def f():
    try:
        int("x")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    f()
except ValueError as e:
    print("outer:", e)
try:
    raise
except RuntimeError as e:
    print(e)
def g():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError:
            pass
        raise
try:
    g()
except Exception as e:
    print(type(e).__name__, e)
