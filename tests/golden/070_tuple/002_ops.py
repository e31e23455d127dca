# Tuple concatenation, repetition, comparisons, membership and methods.
t = (1, 2, 3)
print(t + (4,), t * 2, 0 * t, t[::-1], t[1:], t[-1], t[5:])
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 9), (1, 2) == (1.0, 2.0))
print(2 in t, 5 in t, (1, 2) in [(1, 2)], t.count(2), t.index(3), (1, 1, 1).count(1))
print(min(t), max(t), sum(t), sorted((3, 1, 2)), len(t * 100))
x = t
t += (9,)
print(t, x, t is x)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), (1, "a") == (1, "a"))
