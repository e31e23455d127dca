class Wrapped(Exception):
    pass
def load(k):
    data = {"a": 1}
    try:
        return data[k]
    except KeyError as e:
        raise Wrapped(f"cannot load {k}") from e
try:
    load("z")
except Wrapped as w:
    print(w, "| cause:", repr(w.__cause__), "| ctx same:", w.__context__ is w.__cause__)
