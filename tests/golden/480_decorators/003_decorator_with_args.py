def repeat(n):
    def deco(f):
        def wrapper(*a):
            return [f(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hi(x):
    return "hi " + x
print(hi("z"))
def tag(name):
    return lambda f: lambda *a: f"<{name}>{f(*a)}</{name}>"
@tag("b")
@tag("i")
def text(s):
    return s
print(text("bold italic"))
