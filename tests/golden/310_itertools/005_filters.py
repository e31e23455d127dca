# itertools chain, compress, dropwhile, takewhile, filterfalse, starmap.
from itertools import chain, compress, dropwhile, takewhile, filterfalse, starmap

print(list(chain("abc", [1, 2], (3,), range(2))), list(chain()), list(chain([], "")))
print(list(chain.from_iterable(["ab", "cd", ""])), list(chain.from_iterable([[1], [2, [3]]])))
ch = chain([1], [2, 3])
print(next(ch), next(ch), next(ch), next(ch, "end"))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), [True] * 3)))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(str.isdigit, "123abc45")))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(bool, [])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None, []])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: sum(a), [(), (1,), (1, 2, 3)])))
print(list(starmap(divmod, zip(range(10, 15), [3] * 5))))
try:
    list(chain([1], 2))
except TypeError as e:
    print(type(e).__name__, e)
