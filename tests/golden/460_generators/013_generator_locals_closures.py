def make_gens():
    gens = []
    for i in range(3):
        def gen(i=i):
            yield i
            yield i * 10
        gens.append(gen())
    return gens
print([list(g) for g in make_gens()])
def counter(start):
    def inc():
        nonlocal start
        start += 1
        return start
    while start < 5:
        yield inc()
print(list(counter(1)))
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t))
