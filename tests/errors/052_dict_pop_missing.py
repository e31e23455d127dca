# KeyError from dict.pop without a default.
d = {"a": 1}
d.pop("b")
