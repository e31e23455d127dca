# KeyError: popitem on an empty dict.
d = {}
d.popitem()
