class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *a):
        print("exit", self.n)
def gen():
    for i in range(3):
        with CM(i) as v:
            yield v
for x in gen():
    print("got", x)
g = gen()
print(next(g))
g.close()
print("closed")
