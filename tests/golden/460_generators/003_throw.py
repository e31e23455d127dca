def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield "recovered"
    finally:
        print("finally in gen")
it = g()
print(next(it))
print(it.throw(ValueError("injected")))
try:
    next(it)
except StopIteration:
    print("exhausted")
it2 = g()
next(it2)
try:
    it2.throw(KeyError("not handled"))
except KeyError as e:
    print("propagated", e)
it3 = g()
try:
    it3.throw(ValueError("before start"))
except ValueError as e:
    print("unstarted throw raises", e)
it4 = g()
next(it4)
try:
    it4.throw(ValueError)
    it4.throw(TypeError)
except TypeError:
    print("type class thrown")
