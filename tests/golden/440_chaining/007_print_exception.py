import sys, traceback
def boom():
    raise TypeError("boom")
try:
    boom()
except TypeError as e:
    traceback.print_exception(e, file=sys.stdout)
    traceback.print_exception(type(e), e, e.__traceback__, file=sys.stdout)
