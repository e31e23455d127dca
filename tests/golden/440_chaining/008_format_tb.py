import sys, traceback
def inner():
    raise ValueError("x")
def outer():
    inner()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    print(len(traceback.format_tb(tb)))
    for line in traceback.format_tb(tb):
        print(line, end="")
    traceback.print_tb(tb, file=sys.stdout)
