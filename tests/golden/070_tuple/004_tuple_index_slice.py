# Indexing and slicing tuples.
t = tuple(range(10))
print(t[0], t[-1], t[-10], t[3:7], t[::3], t[::-4], t[7:2:-2], t[-3:-1], t[:100])
print(t[slice(1, 4)], t[:0], len(t[::2]))
