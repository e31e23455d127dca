# Tuple literals, the trailing comma, and tuple().
a = ()
b = (1,)
c = 1,
d = 1, 2
e = (1, (2, 3), [4])
print(a, b, c, d, e, len(a), len(e))
print(tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple({"k": 1}))
print(type(()), type((1)), type((1,)), (1) == 1, ((),), ((), ()))
print(tuple((1, 2)) == (1, 2), (1, 2) == [1, 2], repr((("x",),)))
