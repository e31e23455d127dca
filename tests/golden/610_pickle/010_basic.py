# Round-trips of the core types through pickle (values, types, sharing and recursion).
import pickle

values = [
    None, True, False, 0, 1, -1, 255, 256, -129, 2**31, -2**31, 2**62 - 1, 2**62, -2**62,
    2**63, -2**63 - 1, 2**64, 3**200, -(7**150), 0.0, -0.0, 1.5, -2.25e-300, 1e308,
    float('inf'), float('-inf'), 0.1 + 0.2, "", "a", "hello world", "h\u00e9llo \u4e16\u754c \U0001f600",
    "x" * 1000, b"", b"\x00\xff\x80abc", bytes(range(256)), (), (1,), (1, "two", 3.0),
    ((1, 2), (3, (4, 5))), [], [1, [2, [3, []]]], {}, {"a": 1, 2: "b", (3, 4): [5]},
    set(), {1, 2, 3}, frozenset(), frozenset({"x", "y"}), {frozenset({1}): {2: 3}},
    list(range(2500)), {i: str(i) for i in range(1500)}, set(range(1200)),
]
for v in values:
    w = pickle.loads(pickle.dumps(v))
    ok = w == v and type(w) is type(v)
    print(type(v).__name__, ok, repr(w)[:60])

nan = pickle.loads(pickle.dumps(float('nan')))
print("nan", nan != nan)
print("neg zero", str(pickle.loads(pickle.dumps(-0.0))))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps([1, "a", 2.5], proto)))
print(pickle.loads(pickle.dumps({"k": [1, 2]}, protocol=pickle.DEFAULT_PROTOCOL)))
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)

# Shared references stay shared.
inner = [1, 2]
outer = [inner, inner, {"again": inner}]
copy = pickle.loads(pickle.dumps(outer))
print(copy, copy[0] is copy[1], copy[2]["again"] is copy[0])
copy[0].append(3)
print(copy)
s = "shared string " * 3
t = (s, s)
u = pickle.loads(pickle.dumps([t, t]))
print(u[0] is u[1], u[0][0] is u[0][1])

# Recursive structures.
a = []
a.append(a)
b = pickle.loads(pickle.dumps(a))
print(b, b[0] is b)
d = {}
d["self"] = d
e = pickle.loads(pickle.dumps(d))
print(e, e["self"] is e)
lst = [1]
tup = (lst, 2)
lst.append(tup)
r = pickle.loads(pickle.dumps(tup))
print(r, r[0][1] is r)
r2 = pickle.loads(pickle.dumps(lst))
print(r2, r2[1][0] is r2)

# Nested deeply (but within the recursion limit).
deep = []
cur = deep
for i in range(200):
    nxt = []
    cur.append(nxt)
    cur = nxt
back = pickle.loads(pickle.dumps(deep))
depth = 0
while back:
    back = back[0]
    depth += 1
print("depth", depth)
print(pickle.loads(pickle.dumps(range(3, 20, 4))), pickle.loads(pickle.dumps(slice(1, None, 2))))
print(pickle.loads(pickle.dumps([Ellipsis, NotImplemented, type(None), type(Ellipsis)])))
print(pickle.loads(pickle.dumps([int, str, list, dict, ValueError, len, print, abs])))
