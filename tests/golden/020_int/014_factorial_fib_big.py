# Arbitrary precision: factorials, Fibonacci numbers, powers of two.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(20), fact(21), fact(25))
print(fact(100))
a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print(a)
print(2**1000)
print(len(str(2**10000)), str(3**500)[:20], str(3**500)[-20:])
print(fact(50) // fact(48), fact(30) % 1000003)
