import traceback
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("parse failed")
try:
    parse("x")
except RuntimeError:
    traceback.print_exc(file=__import__("sys").stdout)
