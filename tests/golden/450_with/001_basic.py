class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False
with CM("one") as c:
    print("inside", c.name)
with CM("a") as a, CM("b") as b:
    print("both", a.name, b.name)
with CM("x"), CM("y"):
    print("no targets")
with (CM("p") as p,
      CM("q") as q):
    print("parenthesized", p.name, q.name)
