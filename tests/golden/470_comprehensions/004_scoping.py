x = "outer"
lst = [x for x in range(3)]
print(x, lst)
class C:
    y = 5
    try:
        vals = [y * i for i in range(3)]
    except NameError as e:
        vals = str(e)
    first = [i for i in range(y)]
print(C.vals)
print(C.first)
def f():
    n = 3
    return [n * i for i in range(n)]
print(f())
i = "keep"
[i for i in range(5)]
print(i)
fs = [lambda: j for j in range(3)]
print([g() for g in fs])
fs2 = [lambda j=j: j for j in range(3)]
print([g() for g in fs2])
