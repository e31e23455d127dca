# sys.exit from inside a function, after some output.
import sys
def finish(code):
    print("finishing with", code)
    sys.exit(code)
finish(7)
