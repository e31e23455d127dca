class P:
    kind = "p"
    def __init__(self):
        self.a = 1
        self.b = 2

p = P()
print(p.__dict__)
print(vars(p))
p.__dict__["c"] = 3
print(p.c)
vars(p)["d"] = 4
print(p.d)
print(sorted(k for k in P.__dict__ if not k.startswith("__")))
print(P.__dict__["kind"])
try:
    vars(5)
except TypeError as e:
    print(e)
print(p.__class__ is P, p.__class__.__name__)
