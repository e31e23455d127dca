# More library objects through pickle: functools.partial, operator.itemgetter, random.Random,
# __getstate__ returning None, __getnewargs__ with a custom __new__, ints at the 64-bit edges.
import pickle, functools, operator
def add(a, b): return a + b
p = pickle.loads(pickle.dumps(functools.partial(add, 1)))
print(p(2))
print(pickle.loads(pickle.dumps(operator.itemgetter(1)))([5, 6]))
class S:
    __slots__ = ('a',)
    def __init__(self): self.a = 3
try:
    s = pickle.loads(pickle.dumps(S()))
    print(s.a)
except Exception as e: print(type(e).__name__, e)
class Empty: pass
e = pickle.loads(pickle.dumps(Empty()))
print(type(e).__name__)
class GS:
    def __init__(self): self.v = 1
    def __getstate__(self): return None
    def __setstate__(self, st): print("never")
g = pickle.loads(pickle.dumps(GS()))
print(hasattr(g, 'v'))
class NewArgs:
    def __new__(cls, a):
        o = object.__new__(cls); o.a = a; return o
    def __getnewargs__(self): return (self.a,)
print(pickle.loads(pickle.dumps(NewArgs(9))).a)
import random
r = random.Random(5)
r2 = pickle.loads(pickle.dumps(r))
print(r.random() == r2.random())
big = {i: [i] * 3 for i in range(5)}
print(pickle.loads(pickle.dumps(big, pickle.HIGHEST_PROTOCOL)))
print(pickle.loads(pickle.dumps([1.0, 1.0, -1.0])))
print(pickle.loads(pickle.dumps(True)) is True, pickle.loads(pickle.dumps(None)) is None)
x = 10**30
print(pickle.loads(pickle.dumps([x, -x, 2**63-1, -2**63, 2**63, 2**64-1])))
