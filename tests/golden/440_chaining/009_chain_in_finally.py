import sys, traceback
def f():
    try:
        raise ValueError("in try")
    finally:
        raise KeyError("in finally")
try:
    f()
except KeyError:
    traceback.print_exc(file=sys.stdout)
