class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.swallow
try:
    with CM("outer"), CM("inner"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
with CM("outer", swallow=True), CM("inner"):
    raise KeyError("k")
print("after swallow")
with CM("outer"), CM("inner", swallow=True):
    raise KeyError("k2")
print("inner swallowed")
