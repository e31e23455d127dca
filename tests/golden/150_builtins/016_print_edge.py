# print of nested containers, special floats and strings with quotes.
print([1, "two", 3.0, None, True, [], {}, (), set()])
print({"q": "it's", "d": 'say "x"', "t": ("a",)}, [-0.0, 1e16, float("inf")])
print((), (1,), [[[]]], {(): ()}, [b"x", "x"], ["é", "\n"])
print(1, 2, sep=", ", end=";\n")
print("%s" % ([1, 2],), "tab\tsep", sep="")
