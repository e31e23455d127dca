# gilpy demo: arbitrary-precision integers, primes and Fibonacci numbers.
# Run it with: scripts/gilpy scripts/demos/bigfact.py


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def primes_below(limit):
    is_prime = [True] * limit
    is_prime[0] = is_prime[1] = False
    for i in range(2, limit):
        if is_prime[i]:
            for j in range(i * i, limit, i):
                is_prime[j] = False
    found = []
    for i in range(limit):
        if is_prime[i]:
            found.append(i)
    return found


def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print("Small ints become big ints as they grow; nothing overflows:")
for n in (5, 20, 21, 25, 50):
    print(f"  {n:>3}! = {factorial(n):,}")

big = factorial(100)
digits = str(big)
print(f"100! has {len(digits)} digits: {digits[:20]}...{digits[-20:]}")
print(f"2**64 = {2**64}, 2**64 - 1 = {hex(2**64 - 1)}")

primes = primes_below(100)
print(f"{len(primes)} primes below 100: {primes}")
print(f"fib(100) = {fibonacci(100)}")

total = 0
for i in range(10**6):
    total += i * i
print(f"sum of squares below 10**6 = {total}")
print(f"0.1 + 0.2 = {0.1 + 0.2}, 1/3 = {1 / 3:.5f}, 7 // -2 = {7 // -2}, -7 % 3 = {-7 % 3}")
