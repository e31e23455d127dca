# while loops computing things: gcd, digits, Collatz, Newton's method.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(2**64, 2**40 * 3), gcd(10**30, 10**20 + 10))
n = 2**100
digits = 0
while n:
    n //= 10
    digits += 1
print(digits)
n = 27
steps = 0
peak = n
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    peak = max(peak, n)
    steps += 1
print(steps, peak)
x = 2.0
guess = 1.0
while abs(guess * guess - x) > 1e-15:
    guess = (guess + x / guess) / 2
print(guess)
