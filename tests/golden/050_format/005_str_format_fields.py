# str.format field names: auto, explicit, keywords, indexing, attributes of ints.
print("{} {} {}".format(1, 2, 3), "{2} {1} {0}".format("a", "b", "c"), "{0}{0}".format("x"))
print("{a} and {b}".format(a=1, b=2), "{0} {x}".format(9, x="kw"))
pt = [10, 20]
d = {"k": "v", "n": 3}
print("{0[1]} {0[0]} {1[k]} {1[n]}".format(pt, d), "{p[0]}".format(p=pt))
print("{{}} {{{}}} {{x}}".format(5), "{:{}}|".format("ab", 5), "{:{fill}>{w}}".format(1, fill="0", w=4))
print("{!r} {!s} {!a} {!r:>8}|".format("é", "é", "é", "ab"))
print("{0.real} {0.imag}".format(5), "{}".format(None), "{:}".format(True), "{:>6}".format(True))
