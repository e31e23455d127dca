# collections.OrderedDict: move_to_end, popitem(last=), repr and order-sensitive equality.
from collections import OrderedDict

od = OrderedDict(a=1, b=2, c=3)
print(od, list(od), list(od.items()), od["b"])
od.move_to_end("a")
print(od)
od.move_to_end("c", last=False)
print(od, list(od.keys()), list(reversed(od)))
od["d"] = 4
od["c"] = 30
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1))
print(OrderedDict(a=1, b=2) == {"b": 2, "a": 1}, {"b": 2, "a": 1} == OrderedDict(a=1, b=2))
print(OrderedDict(), OrderedDict([("x", 1), ("y", [2])]), OrderedDict.fromkeys("abc", 0))
c = od.copy()
c["new"] = 1
print(c, od, type(c).__name__)
print(od | {"z": 26}, isinstance(od, dict))
try:
    OrderedDict().popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    od.move_to_end("zz")
except KeyError as e:
    print(type(e).__name__, e)


# An LRU cache built on move_to_end.
class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def get_value(self, key):
        self.move_to_end(key)
        return self[key]

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


lru = LRU(2)
lru.put("a", 1)
lru.put("b", 2)
lru.get_value("a")
lru.put("c", 3)
print(lru, list(lru))
