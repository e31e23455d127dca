# Lambdas capture enclosing variables too.
def make_ops(k):
    return [lambda x: x + k, lambda x: x * k, lambda x: x ** k]
ops = make_ops(3)
print(ops[0](2), ops[1](2), ops[2](2))
def accumulator():
    total = [0]
    return lambda x: total.__setitem__(0, total[0] + x) or total[0]
acc = accumulator()
print(acc(5), acc(10), acc(-3))
def curry(f):
    return lambda a: lambda b: f(a, b)
print(curry(pow)(2)(10), curry(max)(3)(7))
