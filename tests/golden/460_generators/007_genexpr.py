g = (x * x for x in range(5))
print(type(g).__name__)
print(next(g), list(g), list(g))
print(sum(x for x in range(101)))
print(max((len(w), w) for w in "the quick brown fox".split()))
print(list((i, j) for i in range(3) for j in range(i)))
print(any(x > 3 for x in [1, 5]), all(x for x in []))
print(",".join(str(x) for x in range(3) if x != 1))
print(sorted((y for y in "hello"), reverse=True))
n = 10
gg = (n * i for i in range(3))
n = 100
print(list(gg))
it = iter(range(3))
gen = (x for x in it)
print(next(it), list(gen))
try:
    (1 / x for x in [0])
    print("lazy: no error yet")
    list(1 / x for x in [0])
except ZeroDivisionError:
    print("error on iteration")
