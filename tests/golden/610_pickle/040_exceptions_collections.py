# Exceptions travel with their args (so a worker's error can be re-raised); namedtuples and
# the collections types pickle through __reduce__ / __getnewargs__.
import pickle
from collections import namedtuple, deque, OrderedDict, defaultdict, Counter


class AppError(Exception):
    pass


class CodeError(ValueError):
    def __init__(self, code, text):
        super().__init__(code, text)
        self.code = code


def roundtrip(v):
    return pickle.loads(pickle.dumps(v))


for exc in [ValueError("bad value"), KeyError("k"), ZeroDivisionError("division by zero"),
            RuntimeError(), OSError(2, "No such file"), AppError("app", 42),
            StopIteration(5), TypeError("a", "b", "c")]:
    back = roundtrip(exc)
    print(type(back).__name__, back.args, str(back))

ce = CodeError(404, "not found")
ce.note = "extra attribute"
back = roundtrip(ce)
print(type(back).__name__, back.args, back.code, back.note)

try:
    1 / 0
except ZeroDivisionError as e:
    data = pickle.dumps(e)
try:
    raise pickle.loads(data)
except ZeroDivisionError as e:
    print("re-raised:", e)

Point = namedtuple("Point", "x y")
p = roundtrip(Point(1, 2))
print(p, type(p) is Point, p.x + p.y)
print(roundtrip([Point(3, 4), Point(x=5, y=6)]))

dq = deque([1, 2, 3], maxlen=5)
dq2 = roundtrip(dq)
print(dq2, dq2.maxlen)
print(roundtrip(deque("abc")))

od = OrderedDict([("b", 1), ("a", 2)])
od2 = roundtrip(od)
print(od2, type(od2).__name__)

dd = defaultdict(list)
dd["x"].append(1)
dd2 = roundtrip(dd)
dd2["y"].append(2)
print(dd2, dd2.default_factory)
dd_none = roundtrip(defaultdict(None, {1: 2}))
print(dd_none)

c = Counter("abracadabra")
c2 = roundtrip(c)
print(c2.most_common(3), type(c2).__name__)

mixed = {"points": [Point(0, 0)], "counts": c, "queue": dq, "errors": [AppError("x")]}
m2 = roundtrip(mixed)
print(m2["points"], m2["counts"]["a"], list(m2["queue"]), m2["errors"][0].args)
