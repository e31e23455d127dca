class Tree:
    class Node:
        def __init__(self, v, kids=()):
            self.v = v
            self.kids = list(kids)
        def total(self):
            return self.v + sum(k.total() for k in self.kids)
    def __init__(self):
        N = Tree.Node
        self.root = N(1, [N(2, [N(4)]), N(3)])
    def depth(self, n=None):
        n = n or self.root
        return 1 + max((self.depth(k) for k in n.kids), default=0)

t = Tree()
print(t.root.total(), t.depth())
print(type(t.root).__qualname__)
