class L(list):
    def __iter__(self):
        return iter(["overridden"])
l = L([1, 2])
print(sum(1 for _ in l), [x for x in l], tuple(l))
print(list(l), [*l], sorted(l), set(l))
a, = l
print(a, len(l), l, l[0])
class D(dict):
    def __iter__(self):
        return iter(["k"])
d = D(a=1)
print(list(d), [*d], sorted(d), dict(d))
class T(tuple):
    def __iter__(self):
        return iter("xy")
t = T((1, 2, 3))
print(list(t), [*t], len(t), t)
