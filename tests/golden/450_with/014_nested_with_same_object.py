class Reentrant:
    def __init__(self):
        self.depth = 0
    def __enter__(self):
        self.depth += 1
        print("depth", self.depth)
        return self
    def __exit__(self, *a):
        self.depth -= 1
        print("back to", self.depth)
r = Reentrant()
with r:
    with r as again:
        print(again is r)
        with r:
            pass
print(r.depth)
