# functools.reduce with and without an initial value, and its error.
from functools import reduce
import operator

print(reduce(operator.add, [1, 2, 3, 4, 5]))
print(reduce(operator.mul, range(1, 11)))
print(reduce(lambda acc, ch: acc + ch.upper(), "abc", ">"))
print(reduce(operator.add, [], 0), reduce(operator.add, [7]), reduce(operator.add, [], "empty"))
print(reduce(lambda a, b: a if a > b else b, [3, 9, 2, 9, 1]))
print(reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))
print(reduce(operator.concat, [[1], [2, 3], []]))
print(reduce(lambda x, y: x * 10 + y, iter([1, 2, 3])))

for args in [(operator.add, []), (operator.add, iter(()))]:
    try:
        reduce(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    reduce(operator.add, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    reduce(operator.add, [1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
