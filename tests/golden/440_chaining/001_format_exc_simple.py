import traceback
def fail():
    return 1 / 0
try:
    fail()
except ZeroDivisionError:
    print(traceback.format_exc())
print(repr(traceback.format_exc()))
