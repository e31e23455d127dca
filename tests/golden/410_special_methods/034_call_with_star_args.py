class Recorder:
    def __call__(self, *args, **kwargs):
        return args, sorted(kwargs.items())
r = Recorder()
print(r())
print(r(1, *[2, 3], x=1, **{"y": 2}))
print(r(*(), **{}))
class Method:
    def __call__(self, a, /, b, *, c):
        return a, b, c
m = Method()
print(m(1, 2, c=3), m(1, b=2, c=3))
try:
    m(a=1, b=2, c=3)
except TypeError as e:
    print(e)
