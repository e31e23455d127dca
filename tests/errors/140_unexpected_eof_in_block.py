# IndentationError: a def at the very end of a file, with no body.
print("start")
def later():
