# Small-int arithmetic, every operator.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(a & b, a | b, a ^ b, ~a, a << b, a >> 2, -a, +a)
print(0 + 0, 0 * -1, -0, 1 - 1)
print(2 ** 10, 2 ** 0, 0 ** 0, 1 ** 1000, (-1) ** 1001, (-2) ** 3)
print(100 // 7, 100 % 7, 7 // 100, 7 % 100)
