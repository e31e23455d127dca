# slice objects: attributes, indices(), use in subscripts, repr.
sl = slice(1, 10, 2)
print(sl, sl.start, sl.stop, sl.step, slice(5), slice(None, 3), slice(1, None, -1))
print(sl.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print(slice(-100, 100, 3).indices(7), slice(5, 1, -2).indices(3))
s = "abcdefghijk"
print(s[sl], list(range(20))[sl], s[slice(None, None, -2)], s[slice(-3, None)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
