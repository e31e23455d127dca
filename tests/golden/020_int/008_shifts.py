# << and >> at and beyond the word size, with negative numbers.
for n in (0, 1, 61, 62, 63, 64, 65, 100, 200):
    print(n, 1 << n, -1 << n, 3 << n)
for n in (0, 1, 30, 62, 63, 64, 100):
    print(n, (2**100) >> n, (-(2**100)) >> n, -1 >> n, 5 >> n, -5 >> n)
print((1 << 64) >> 64, ((1 << 70) - 1) >> 69)
x = 1
x <<= 65
print(x)
x >>= 60
print(x, type(x))
