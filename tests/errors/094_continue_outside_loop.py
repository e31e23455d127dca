# SyntaxError: continue outside a loop.
def f():
    continue
