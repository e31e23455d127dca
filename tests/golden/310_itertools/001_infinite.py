# itertools.count, cycle and repeat (with islice or zip to stop them).
from itertools import count, cycle, repeat, islice

print(list(islice(count(), 5)), list(islice(count(10), 3)), list(islice(count(1, 3), 4)))
print(list(islice(count(2.5, 0.5), 4)), list(islice(count(-1, -2), 4)))
c = count(5)
print(next(c), next(c), c, count(), count(1, 2), count(0.5), count(3, 1.0))
for i, ch in zip(count(1), "abc"):
    print(i, ch)
print(list(islice(cycle("abc"), 8)), list(islice(cycle([1, 2]), 5)), list(cycle([])))
cy = cycle(iter([1, 2, 3]))
print([next(cy) for _ in range(7)])
print(list(repeat("x", 3)), list(repeat(None, 0)), list(repeat(7, -2)))
r = repeat(1, 2)
print(r, next(r), r, repeat("ab"), list(islice(repeat("z"), 3)))
print(list(map(pow, range(5), repeat(2))))
print(list(zip(repeat("k"), [1, 2, 3])))
try:
    count("a")
except TypeError as e:
    print(type(e).__name__, e)
