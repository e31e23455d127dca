def src(name, n):
    print("iter", name)
    for i in range(n):
        print(" yield", name, i)
        yield i
print([(a, b) for a in src("outer", 2) for b in src("inner", 2)])
def cond(v):
    print(" cond", v)
    return v % 2 == 0
print([v for v in range(4) if cond(v)])
