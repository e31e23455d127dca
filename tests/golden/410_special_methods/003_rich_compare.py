class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print("eq", self.n, getattr(o, "n", o))
        return isinstance(o, V) and self.n == o.n
    def __lt__(self, o):
        print("lt", self.n, o.n)
        return self.n < o.n
    def __le__(self, o):
        return self.n <= o.n
    def __repr__(self):
        return "V(%d)" % self.n

a, b = V(1), V(2)
print(a == b, a != b, a < b, a <= b)
print(b > a)
print(b >= a)
print(a == 1)
print(sorted([V(3), V(1), V(2)]))
print(max(V(5), V(9)), min([V(4), V(0)]))
print(V(1) in [V(0), V(1)])
