# ValueError/TypeError: dict() of a sequence whose items are not pairs.
print(dict([(1, 2), (3, 4, 5)]))
