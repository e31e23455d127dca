class C:
    count = 0
    items = []

    def __init__(self, name):
        self.name = name
        C.count += 1
        self.items.append(name)

a = C("a")
b = C("b")
print(C.count, a.count, b.count)
print(C.items, a.items is b.items)
a.count = 100
print(C.count, a.count, b.count)
del a.count
print(a.count)
C.count = 7
print(a.count, b.count)
print("count" in a.__dict__, "count" in C.__dict__)
