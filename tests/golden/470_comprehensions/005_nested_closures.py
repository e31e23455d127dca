def make():
    return [[lambda a=a, b=b: a * 10 + b for b in range(2)] for a in range(2)]
print([[f() for f in row] for row in make()])
def outer():
    k = 7
    return {i: (lambda: k + i) for i in range(2)}
d = outer()
print({i: d[i]() for i in d})
total = 0
def accumulate(xs):
    global total
    total += sum(x for x in xs)
accumulate([1, 2, 3])
print(total)
