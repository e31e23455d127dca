class Counter:
    def __init__(self):
        self.n = 0

    def inc(self, by=1):
        self.n += by
        return self.n

c = Counter()
m = c.inc
print(m())
print(m(5))
print(m.__self__ is c)
print(m.__func__ is Counter.inc)
print(Counter.inc(c, 10))
f = Counter.inc
print(f(c))
ms = [c.inc for _ in range(3)]
print([x() for x in ms])
print(c.inc == c.inc, c.inc is c.inc)
d = Counter()
print(c.inc == d.inc)
print(m.__name__, m.__qualname__)
