# Chained comparisons evaluate each operand once and stop early.
def v(x):
    print("v", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1 != 2, 1 <= 1 < 2 >= 2 > 1)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(4))
x = 5
print(0 < x <= 5, 0 < x < 5, x == 5 == 5.0, "a" < "b" < "c", [1] < [2] < [3])
print(1 in [1] in [[1]], 2 not in [1] == True, None is None is not False)
