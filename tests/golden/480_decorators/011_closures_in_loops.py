funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])
def make_adders():
    return [(lambda x, n=n: x + n) for n in range(3)]
print([a(10) for a in make_adders()])
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc()
print(get())
print(inc.__closure__ is not None, len(inc.__closure__))
print(inc.__code__.co_freevars)
