def f():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
try:
    f()
except KeyError as e:
    print(repr(e), repr(e.__context__))
def g():
    try:
        return 1
    finally:
        print("cleanup")
        try:
            raise ValueError
        except ValueError:
            print("handled in finally")
print(g())
