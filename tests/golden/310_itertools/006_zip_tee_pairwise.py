# itertools zip_longest, tee and pairwise.
from itertools import zip_longest, tee, pairwise

print(list(zip_longest("ABCD", "xy")))
print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest([1], [2, 3], [4, 5, 6], fillvalue=0)), list(zip_longest()), list(zip_longest([], [])))
print(dict(zip_longest("abc", [1])))

a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee("xyz", 3)
print(list(x), list(y), list(z), tee([1], 0))
first, second = tee(n * n for n in range(5))
print(list(zip(first, second)))

print(list(pairwise("abcde")), list(pairwise([1])), list(pairwise([])))
print([b - a for a, b in pairwise([1, 4, 9, 16, 25])])
