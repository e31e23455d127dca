# ValueError: split with an empty separator.
print("a b".split(""))
