# Driving iterators by hand with next and a default.
it = iter(range(5))
out = []
while True:
    v = next(it, None)
    if v is None:
        break
    out.append(v * v)
print(out)
words = iter("alpha beta gamma".split())
first = next(words)
print(first, list(words), next(words, "no more"))
pairs = iter([(1, "a"), (2, "b")])
n, s = next(pairs)
print(n, s, next(pairs), next(pairs, ("x", "y")))
