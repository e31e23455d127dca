class Logged:
    def __init__(self):
        self.d = {"k": 1}
    def __getitem__(self, k):
        print("getitem", k)
        return self.d[k]
    def __setitem__(self, k, v):
        print("setitem", k, v)
        self.d[k] = v
class Holder:
    def __init__(self):
        self.__dict__["x"] = 5
    def __getattr__(self, n):
        print("getattr", n)
        raise AttributeError(n)
    def __setattr__(self, n, v):
        print("setattr", n, v)
        self.__dict__[n] = v
def key():
    print("key evaluated")
    return "k"
l = Logged()
l[key()] += 10
print(l.d)
h = Holder()
h.x += 1
print(h.x)
lst = [[1], [2]]
lst[0] += [3]
print(lst)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(e)
print(t)
