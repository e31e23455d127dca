# copy.copy and copy.deepcopy: lists, dicts, instances, cycles, custom hooks, collections.
import copy
from collections import deque, namedtuple, OrderedDict, defaultdict, Counter
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(9); a[2]['k'].append(8)
print(a, b, c, b[1] is a[1], c[1] is a[1])
class P:
    def __init__(self, x, items): self.x = x; self.items = items
    def __repr__(self): return 'P(%r, %r)' % (self.x, self.items)
p = P(1, [1, 2]); q = copy.copy(p); r = copy.deepcopy(p)
p.items.append(3)
print(p, q, r, q.items is p.items, r.items is p.items, type(r).__name__)
class C:
    def __copy__(self): return 'custom copy'
    def __deepcopy__(self, memo): return 'custom deepcopy'
print(copy.copy(C()), copy.deepcopy(C()))
l = [1]; l.append(l); m = copy.deepcopy(l); print(m[1] is m, m is not l)
t = (1, [2]); u = copy.deepcopy(t); print(u, u[1] is t[1], copy.deepcopy((1, 2)) is not None, copy.copy(t) is t)
d = deque([[1], [2]], maxlen=5); e = copy.copy(d); f = copy.deepcopy(d)
d[0].append(0)
print(d, e, f, e.maxlen)
Pt = namedtuple('Pt', 'x y'); pt = Pt([1], 2); print(copy.copy(pt), copy.deepcopy(pt), copy.deepcopy(pt).x is pt.x)
od = OrderedDict(a=[1], b=2); print(copy.copy(od), copy.deepcopy(od))
dd = defaultdict(list, a=[1]); dd2 = copy.deepcopy(dd); dd2['a'].append(2); dd2['z']; print(dd, dd2)
print(copy.deepcopy(Counter('aab')), copy.copy({1, 2}), copy.deepcopy({'s': {1, 2}}))
shared = [0]; obj = [shared, shared]; cp = copy.deepcopy(obj); print(cp[0] is cp[1])
print(copy.copy(len) is len, copy.deepcopy(P) is P, copy.copy(3.5), copy.deepcopy('s'))


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []


root = Node(1)
root.children.append(Node(2))
root.children[0].children.append(root)      # a cycle back to the root
clone = copy.deepcopy(root)
print(clone is not root, clone.children[0].children[0] is clone, clone.children[0].value)


class WithState:
    def __init__(self):
        self.a = 1
        self.secret = "hidden"

    def __getstate__(self):
        return {"a": self.a}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


w = copy.copy(WithState())
print(sorted(vars(w).items()))


class MyList(list):
    pass


ml = MyList([1, [2]])
ml.tag = "t"
mc = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.tag, mc[1] is ml[1])
print(issubclass(copy.Error, Exception))
