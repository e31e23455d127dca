import functools
import math
@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
vs = [Version("1.10"), Version("1.2"), Version("1.2.1")]
print(sorted(vs), Version("1.2") <= Version("1.2"), Version("2.0") > Version("1.9"), Version("1.0") >= Version("1.1"))
class N:
    def __round__(self, nd=None):
        return "rounded" if nd is None else f"rounded {nd}"
    def __trunc__(self):
        return 3
    def __floor__(self):
        return 1
    def __ceil__(self):
        return 2
print(round(N()), round(N(), 2), math.trunc(N()), math.floor(N()), math.ceil(N()))
