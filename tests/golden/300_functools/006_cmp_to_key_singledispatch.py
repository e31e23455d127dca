# functools.cmp_to_key and singledispatch.
from functools import cmp_to_key, singledispatch


def by_length_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)


words = ["pear", "fig", "apple", "kiwi", "date", "banana"]
print(sorted(words, key=cmp_to_key(by_length_then_reverse)))
print(max(words, key=cmp_to_key(by_length_then_reverse)))
K = cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4))
try:
    hash(K(1))
except TypeError as e:
    print(type(e).__name__)


@singledispatch
def describe(x):
    return "something"


@describe.register(int)
def _(x):
    return "int %d" % x


@describe.register(list)
def _(x):
    return "list of %d" % len(x)


def describe_str(x):
    return "str %r" % x


describe.register(str, describe_str)
print(describe(3), describe([1, 2]), describe("hi"), describe(2.5), describe(True), describe(None))
print(describe.dispatch(bool) is describe.dispatch(int), describe.__name__)
