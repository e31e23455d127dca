import gc
class Noisy:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)
gc.collect()
a = Noisy("a")
b = Noisy("b")
a.other = b
b.other = a
del a, b
print("before collect")
gc.collect()
print("after collect")
c = Noisy("c")
del c
print("after plain del")
