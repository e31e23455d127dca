def inner():
    while True:
        try:
            x = yield
            print("inner received", x)
        except ValueError as e:
            print("inner handled", e)
def outer():
    yield from inner()
g = outer()
next(g)
g.send(1)
g.throw(ValueError("v"))
g.send(2)
g.close()
print("closed")
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
def via_iter():
    r = yield from It()
    print("return of plain iterator:", r)
print(list(via_iter()))
