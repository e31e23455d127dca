# int/float mixing in every operator.
i, f = 7, 2.0
print(i + f, i - f, i * f, i / f, i // f, i % f, i ** f, f ** i)
print(-i // f, -i % f, i // -f, f - i, f / i)
print(2**70 + 0.5, 2**70 * 1.0, 2**70 / 2.0, 10**20 - 1e20, (10**20) * 0.1)
print(True + 0.5, 0.5 * False, 3 // 0.5, 3 % 0.5, 1 / 0.5)
x = 5
x += 0.25
print(x, type(x))
x //= 2
print(x)
x **= 2
print(x)
