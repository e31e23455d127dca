# json.dumps options: indent, sort_keys, separators, default, skipkeys and errors.
import json

data = {"b": [1, 2, {"x": None}], "a": {"z": 1, "y": []}, "c": "text"}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps(data, indent="\t"))
print(json.dumps(data, indent=0))
print(json.dumps(data, sort_keys=True, separators=(",", ":")))
print(json.dumps(data, separators=(";", "=")))
print(json.dumps([1, [2, [3]]], indent=1))
print(json.dumps({}, indent=2), json.dumps([], indent=2), json.dumps({"a": []}, indent=2))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode(obj):
    if isinstance(obj, Point):
        return {"x": obj.x, "y": obj.y}
    if isinstance(obj, set):
        return sorted(obj)
    raise TypeError("cannot encode %s" % type(obj).__name__)


print(json.dumps({"p": Point(1, 2), "s": {3, 1, 2}}, default=encode))
print(json.dumps({(1, 2): 1, "k": 2}, skipkeys=True))


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)


print(json.dumps([Point(3, 4)], cls=PointEncoder), PointEncoder(indent=1).encode({"p": Point(0, 0)}))
print(json.JSONEncoder(sort_keys=True).encode({"z": 1, "a": [1]}))
print(list(json.JSONEncoder(indent=1).iterencode({"a": [1]})))
for kw in [{}, {"indent": 2}]:
    try:
        json.dumps([float("nan")], allow_nan=False, **kw)
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        json.dumps({(1, 2): 1}, **kw)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        json.dumps([Point(1, 1)], **kw)
    except TypeError as e:
        print(type(e).__name__, e)
    loop = []
    loop.append(loop)
    try:
        json.dumps(loop, **kw)
    except ValueError as e:
        print(type(e).__name__, e)
    d = {}
    d["self"] = d
    try:
        json.dumps(d, **kw)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    json.dumps({1: 1, "a": 2}, sort_keys=True)
except TypeError as e:
    print(type(e).__name__, e)
