x = 10
def f():
    try:
        print(x)
        x = 5
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
f()
def g():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(g())
def h():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 3
h()
