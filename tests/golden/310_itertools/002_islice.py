# itertools.islice: stop, start/stop/step, None, laziness and CPython's argument errors.
from itertools import islice, count

s = "abcdefghij"
print(list(islice(s, 4)), list(islice(s, 2, 4)), list(islice(s, 2, None)), list(islice(s, 0, None, 3)))
print(list(islice(s, None)), list(islice(s, 1, 8, 2)), list(islice(s, 20)), list(islice(s, 5, 2)))
print(list(islice(count(), 100, 105)), list(islice(range(10), None, None, 4)))
print(list(islice([], 3)), list(islice(s, 0)))

# islice consumes only what it needs.
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 2, 4)), list(it))

cases = [(-1,), (1, -2), ("a",), ("a", 3), (1, "b"), (0, 5, 0), (0, 5, -1), (0, 5, "x"),
         (None, None, None), (2, None, 2), (1.5,), (None, -1)]
for args in cases:
    try:
        print(args, list(islice(range(8), *args)))
    except ValueError as e:
        print(args, type(e).__name__, e)
for args in [(), (1, 2, 3, 4)]:
    try:
        islice(range(3), *args)
    except TypeError as e:
        print(type(e).__name__, e)
