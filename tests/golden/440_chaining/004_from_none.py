import sys, traceback
try:
    try:
        [][1]
    except IndexError:
        raise ValueError("clean") from None
except ValueError:
    traceback.print_exc(file=sys.stdout)
