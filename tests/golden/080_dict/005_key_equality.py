# 1, 1.0 and True are the same key; the first key object is kept.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {True: "x", 1: "y"}
print(d2)
d3 = {0: "zero", False: "f", 0.0: "z", -0.0: "mz"}
print(d3)
d4 = {(1, 2): "a", (1.0, 2.0): "b"}
print(d4)
d5 = {2**64: "big", 18446744073709551616.0: "flt"}
print(d5)
print(d.get(1.0), {None: 1}[None], {"": 0}[""], {(): 1}[()])
