class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print("getattr", name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target)
print(p.count(3))
try:
    p.nothing
except AttributeError as e:
    print(e)
class Default:
    x = 1
    def __getattr__(self, name):
        if name.startswith("d_"):
            return name[2:]
        raise AttributeError(f"no {name}")
d = Default()
print(d.x, d.d_hello, getattr(d, "d_z", "?"), hasattr(d, "q"))
