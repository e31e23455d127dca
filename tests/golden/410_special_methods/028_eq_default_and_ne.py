class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, E) and self.v == o.v
    __hash__ = object.__hash__
print(E(1) != E(1), E(1) != E(2))
print(E(1) == 1, 1 == E(1))
print([E(1), E(2)].index(E(2)), [E(1), E(1)].count(E(1)))
print(E(3) in {E(3)})
