# abs, divmod, pow and round together.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-(2**80)), abs(True), abs(False))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, -2), divmod(2**65, 2**33), divmod(-1, 10**20))
print(pow(2, 8), pow(2.0, -1), pow(-8, 2), pow(5, 3, 13), pow(2, 0.5), pow(0, 0), pow(0.0, 0))
print(round(3.14159, 3), round(-2.5), round(2.5), round(3.5), round(7, -1), round(0.5 + 1e-16))
print(round(1e15 + 0.5), round(-0.4), round(1.25, 1), round(1.35, 1), round(123, 5))
