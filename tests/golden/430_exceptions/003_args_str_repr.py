cases = [Exception(), Exception("one"), Exception("a", 2), ValueError(""),
         KeyError("k"), KeyError(), KeyError(1, 2), IndexError(3), OSError(2, "nope"),
         RuntimeError(None), Exception([1, 2])]
for e in cases:
    print(repr(e), "|", str(e), "|", e.args)
e = ValueError("x")
e.args = ("changed", 1)
print(e, repr(e))
print(str(KeyError("quoted")), str(KeyError(5)))
