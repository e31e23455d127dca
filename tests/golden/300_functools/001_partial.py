# functools.partial: calling, flattening, attributes and repr.
from functools import partial


def power(base, exponent, *, mod=None):
    result = base ** exponent
    return result if mod is None else result % mod


square = partial(power, exponent=2)
print(square(7), square(base=3), square(5, exponent=3))
cube_mod = partial(power, exponent=3, mod=10)
print(cube_mod(7), cube_mod(12))
two_to = partial(power, 2)
print([two_to(n) for n in range(6)])

# partial of a partial is flattened into one.
p = partial(partial(power, 3), 4)
print(p(), p.func is power, p.args, p.keywords)

print(partial(int, base=2)("1011"), partial(max, 5)(3, 9), partial(sorted, reverse=True)([3, 1, 2]))

# repr shows the function, the arguments and the keywords.
print(repr(partial(len, "abc")))
print(repr(partial(max, 1, 2, key=abs)))
print(repr(partial(print, sep="-", end="!\n")))


class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return self.k * x


print(partial(Multiplier(3), 5)())
try:
    partial(42)
except TypeError as e:
    print(type(e).__name__, e)
try:
    partial()
except TypeError as e:
    print(type(e).__name__)
