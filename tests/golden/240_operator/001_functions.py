# operator's functions for arithmetic, comparison, logic and sequences
import operator as op
print(op.add(1, 2), op.add("a", "b"), op.sub(5, 3), op.mul("ab", 3), op.truediv(7, 2), op.floordiv(-7, 2))
print(op.mod(7, 3), op.mod("%d!", 5), op.pow(2, 100), op.pow(2, -1), op.matmul.__name__)
print(op.neg(5), op.pos(-5), op.abs(-3.5), op.inv(5), op.invert(-1), op.index(7), op.index(True))
print(op.lshift(1, 70), op.rshift(-16, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.and_({1, 2}, {2, 3}), op.or_({1}, {2}), op.xor(True, True))
print(op.not_(0), op.not_([1]), op.truth(""), op.truth("x"), op.is_(None, None), op.is_not(1, None))
print(op.eq(1, 1.0), op.ne("a", "a"), op.lt(1, 2), op.le(2, 2), op.gt([1, 2], [1]), op.ge("a", "b"))
print(op.concat([1], [2]), op.concat("ab", "cd"), op.concat((1,), (2,)))
print(op.contains([1, 2], 2), op.contains("abc", "d"), op.countOf([1, 2, 2, 3], 2), op.indexOf("hello", "l"))
lst = [1, 2, 3, 4]
op.setitem(lst, 0, "x")
op.delitem(lst, 1)
print(lst, op.getitem(lst, -1), op.getitem("hello", slice(1, 3)), op.getitem({"k": "v"}, "k"))
op.setitem(lst, slice(0, 1), [7, 8])
print(lst, op.length_hint([1, 2, 3]), op.length_hint(iter([])), op.length_hint(5, 9))
print(op.call(max, 3, 9, 4), op.__add__(2, 3), op.__lt__(1, 2), op.__not__(1))
print(sorted(["b", "C", "a"], key=op.methodcaller("lower")))


def attempt(f, *args):
    try:
        print(f(*args))
    except (TypeError, ValueError, IndexError, KeyError, ZeroDivisionError) as e:
        print(type(e).__name__, e)


attempt(op.add, 1, "a")
attempt(op.truediv, 1, 0)
attempt(op.index, 1.5)
attempt(op.index, "3")
attempt(op.concat, 1, 2)
attempt(op.concat, [1], "a")
attempt(op.getitem, [1], 5)
attempt(op.getitem, {}, "missing")
attempt(op.indexOf, [1, 2], 3)
attempt(op.neg, "x")
attempt(op.lt, 1, "a")
