class Window:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            return Window(self.data[start:stop:step])
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("window index out of range")
        return self.data[i]
    def __repr__(self):
        return f"Window({self.data})"
w = Window(list(range(10)))
print(w[0], w[-1], w[2:5], w[::3], w[-3:], w[::-2], len(w[5:]))
try:
    w[10]
except IndexError as e:
    print(e)
print(slice(1, 2, 3).indices(10), slice(None, None, -1).indices(4))
