# *args and **kwargs collect extra arguments; kwargs keep call order.
def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2))
print(f(a=1, b=2))
print(f(1, *[2, 3], *(4,), x=5, **{"y": 6, "z": 7}))
def g(first, *rest):
    return first, rest
print(g(1), g(1, 2, 3), g(*range(5)), g(*"ab"))
def h(**kw):
    out = []
    for k in kw:
        out.append(k + "=" + str(kw[k]))
    return ", ".join(out)
print(h(z=1, a=2, m=3), h())
