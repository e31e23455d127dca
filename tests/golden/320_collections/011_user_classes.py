# collections.UserDict, UserList and UserString: wrappers meant for subclassing.
from collections import UserDict, UserList, UserString, Counter
import copy


class Lower(UserDict):
    """A dict whose keys are stored in lower case."""

    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)


d = Lower({"A": 1}, B=2)
d["C"] = 3
print(d, d.data, len(d), "a" in d, d.get("z", 0), d == {"a": 1, "b": 2, "c": 3}, sorted(d.items()))
print(d.copy(), type(d.copy()).__name__, d | {"x": 1}, UserDict.fromkeys("ab", 0), copy.copy(d))
print(d.pop("a"), d.setdefault("q", 9), repr(d))

l = UserList([3, 1, 2])
l.append(5)
l.sort()
l += [0]
print(l, l[1], l[1:3], type(l[1:3]).__name__, len(l), 2 in l, l * 2, l + [7], [9] + l)
print(l.count(1), l.index(5), l == [1, 2, 3, 5, 0])
l.reverse()
l.remove(3)
print(l, l.pop(), l, l.copy(), min(l), sorted(l), l < UserList([9]))
try:
    l.index(100)
except ValueError as e:
    print(type(e).__name__, e)

s = UserString("Hello World")
print(s, repr(s), s.upper(), s.lower(), s.split(), s[0], s[-5:], len(s), "World" in s)
print(s + "!", s * 2, s.replace("l", "L"), s.find("o"), s.count("l"), s.startswith("He"))
print(s == "Hello World", s.center(15, "*"), s.strip("Hd"), s.zfill(13), s.title(), s.encode())
print(sorted([UserString("b"), UserString("a")]), int(UserString("42")) + 1, "%s!" % s)

print(Counter(UserDict(a=2)), Counter("ab") == Counter(UserDict({"a": 1, "b": 1})))
c = Counter()
c.update(UserDict(x=3))
c.subtract(UserDict(x=1))
print(c)
