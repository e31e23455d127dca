# repr of nested dicts with every kind of key.
d = {1: [1, 2], "s": {"inner": (1,)}, (1, 2): None, 2.5: True, None: "none", False: b"x"}
print(d)
print(repr({}), str({"a": "it's"}), {"q": '"'})
