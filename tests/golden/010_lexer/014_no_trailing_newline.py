# A file whose last line has no newline, ending inside a block.
def f():
    return "no newline at end"
if True:
    print(f())