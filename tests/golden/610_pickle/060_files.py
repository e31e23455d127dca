# pickle.dump/load on files and file-like objects, several pickles in one stream, and the
# Pickler/Unpickler classes (dispatch_table, find_class).
import os
import pickle


class MemoryFile:
    """The part of io.BytesIO that pickle uses."""

    def __init__(self, data=b""):
        self.data = data
        self.pos = 0

    def write(self, b):
        self.data += b
        return len(b)

    def read(self, n=-1):
        if n < 0:
            n = len(self.data) - self.pos
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk

    def readline(self):
        end = self.data.find(b"\n", self.pos)
        end = len(self.data) if end < 0 else end + 1
        return self.read(end - self.pos)


f = MemoryFile()
pickle.dump([1, 2, 3], f)
pickle.dump({"second": "pickle"}, f)
pickle.dump(None, f, protocol=2)
pickle.dump("x" * 300, f)
r = MemoryFile(f.data)
print(pickle.load(r))
print(pickle.load(r))
print(pickle.load(r))
print(len(pickle.load(r)))
try:
    pickle.load(r)
except EOFError as e:
    print("EOFError", e)

# A truncated stream.
t = MemoryFile(f.data[:len(f.data) - 5])
for i in range(4):
    try:
        v = pickle.load(t)
        print("loaded", type(v).__name__)
    except pickle.UnpicklingError as e:
        print("UnpicklingError", e)
        break

# A real file.
path = "pickle_test_%d.bin" % os.getpid()
with open(path, "wb") as out:
    pickle.dump({"a": [1.5, 2.5]}, out)
    pickle.dump((1, "two"), out)
with open(path, "rb") as inp:
    print(pickle.load(inp), pickle.load(inp))
os.remove(path)

# Pickler and Unpickler.
mf = MemoryFile()
p = pickle.Pickler(mf)
p.dump("first")
p.dump([4, 5])
u = pickle.Unpickler(MemoryFile(mf.data))
print(u.load(), u.load())


class Money:
    def __init__(self, cents):
        self.cents = cents


def reduce_money(m):
    return (Money, (m.cents * 100,))


class MoneyPickler(pickle.Pickler):
    dispatch_table = {Money: reduce_money}


mf = MemoryFile()
MoneyPickler(mf).dump([Money(3)])
print(pickle.load(MemoryFile(mf.data))[0].cents)


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "builtins" and name in ("range", "set"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" % (module, name))


print(Restricted(MemoryFile(pickle.dumps([range(3)]))).load())
try:
    Restricted(MemoryFile(pickle.dumps(Money(1)))).load()
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)
