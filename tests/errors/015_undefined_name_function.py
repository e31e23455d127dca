# NameError inside a function: the traceback shows both frames.
def greet():
    return "hello " + nmae
print(greet())
