class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = [[(x + y) % 3 for x in range(w)] for y in range(h)]
    def count(self, v):
        return sum(1 for row in self.cells for c in row if c == v)
    def render(self):
        return "\n".join("".join(".#*"[c] for c in row) for row in self.cells)
g = Grid(5, 3)
print(g.render())
print([g.count(v) for v in range(3)])
