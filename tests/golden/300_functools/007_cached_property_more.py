# functools.cached_property, singledispatch on annotations, partial in sorting and map.
import functools


class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print("  computing area")
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, "area" in vars(c))
del c.area
print(c.area)
print(type(Circle.__dict__["area"]).__name__, Circle.area.attrname)


@functools.singledispatch
def fmt(x):
    return "?"


@fmt.register
def _(x: int):
    return "int:" + str(x)


@fmt.register
def _(x: list):
    return "list:" + ",".join(fmt(i) for i in x)


print(fmt(3), fmt([1, "a", [2]]), fmt("s"))

records = [("bob", 3), ("ann", 1), ("cid", 2)]
by_index = functools.partial(sorted, key=lambda r: r[1])
print(by_index(records))
print(list(map(functools.partial(pow, 2), range(8))))
print(functools.reduce(lambda acc, f: f(acc), [str.strip, str.upper, str.split], "  hi there "))
