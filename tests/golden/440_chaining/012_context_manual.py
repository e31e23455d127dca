import sys, traceback
e1 = ValueError("first")
e2 = TypeError("second")
e2.__context__ = e1
try:
    raise e2
except TypeError as e:
    print(e.__context__ is e1)
    traceback.print_exc(file=sys.stdout)
