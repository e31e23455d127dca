d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print(e, e.args, repr(e))
try:
    d[(1, 2)]
except KeyError as e:
    print(e)
try:
    d[""]
except KeyError as e:
    print(e)
try:
    raise KeyError("a", "b")
except LookupError as e:
    print(e)
