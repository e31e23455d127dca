class A:
    pass
a, b = A(), A()
print(a == a, a == b, a != b, a is a)
print(hash(a) == hash(a))
s = {a, b, a}
print(len(s))
d = {a: 1, b: 2}
print(d[a], d[b])
print(id(a) == id(a), id(a) != id(b))
