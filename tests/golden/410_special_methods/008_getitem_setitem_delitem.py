class Store:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        print("get", k)
        return self.d[repr(k)]
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[repr(k)] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[repr(k)]
s = Store()
s["a"] = 1
s[1, 2] = "tuple"
print(s["a"], s[1, 2])
del s["a"]
try:
    s["a"]
except KeyError as e:
    print("KeyError", e)
s[0:2] = "slice"
print(s[0:2])
s["n"] = 1
s["n"] += 5
print(s.d)
