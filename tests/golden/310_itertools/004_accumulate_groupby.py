# itertools.accumulate (func, initial) and groupby (key, shared group iterators).
from itertools import accumulate, groupby
import operator

print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=0)), list(accumulate([])))
print(list(accumulate("abc")), list(accumulate([[1], [2], [3]])))
print(list(accumulate([10, 5, 2], lambda acc, x: acc - x, initial=50)))

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for letter, group in groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
data = sorted([3, 8, 1, 6, 5, 4, 7, 2], key=lambda n: n % 2)
print([(k, list(g)) for k, g in groupby(data, key=lambda n: n % 2)])

# A group is only valid until the groupby moves on.
groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])
g = groupby([1, 1, 2])
k1, grp1 = next(g)
print(k1, next(grp1))
k2, grp2 = next(g)
print(k2, list(grp1), list(grp2))
print(list(groupby([])))
