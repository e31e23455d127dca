# Python evaluates left to right: arguments, operands, subscripts, displays, targets.
log = []
def v(name, value=None):
    log.append(name)
    return name if value is None else value
def show():
    print(" ".join(log))
    log.clear()
v("f", print)(v("a"), v("b"), sep=v("sep", "-"))
show()
x = v("l", 1) + v("r", 2) * v("rr", 3)
show()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
show()
lst = [0, 0]
lst[v("i", 0)] = v("rhs", 5)
show()
v("c1", 1) < v("c2", 2) < v("c3", 0) < v("c4", 9)
show()
v("t", True) or v("never")
v("f0", 0) and v("never")
show()
a = [10, 20, 30]
i = 0
i, a[i] = 1, 99
print(i, a)
y = v("cond", 0) if v("test", False) else v("else", 2)
show()
lst[v("j", 1)] += v("inc", 3)
show()
print(lst)
