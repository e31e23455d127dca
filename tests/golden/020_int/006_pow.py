# ** with big results, negative exponents (float results), negative bases.
print(2 ** 62, 2 ** 63, 2 ** 64, 2 ** 100)
print((-2) ** 63, (-2) ** 64, -2 ** 2, (-3) ** 3)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3, 4 ** -0.5)
print(3 ** 40, 7 ** 77)
print(0 ** 5, 1 ** -5, (-1) ** -3)
print(2 ** 0.5, 9 ** 0.5, 2.0 ** 3)
print(10 ** 30 == 1000000000000000000000000000000)
x = 3
x **= 50
print(x)
print(pow(2, 10), pow(2, -2), pow(-2, 5), pow(10, 25))
