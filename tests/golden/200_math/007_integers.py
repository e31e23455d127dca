# factorial, gcd, lcm, isqrt, comb, perm on small and big ints
import math
print([math.factorial(n) for n in range(12)])
print(math.factorial(50))
print(len(str(math.factorial(1000))), math.factorial(5000) % (10**9 + 7), math.factorial(5000).bit_length())
print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(12, 18, 27), math.gcd(0, 0))
print(math.gcd(2**100, 2**80 * 3), math.gcd(-4, 6), math.gcd(True, 2))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(2**70, 3))
for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**20, 2**200 - 1, 10**100]:
    r = math.isqrt(n)
    print("isqrt", n, r, r * r <= n < (r + 1) * (r + 1))
print([math.comb(5, k) for k in range(7)], math.comb(100, 50), math.comb(10**20, 2))
print([math.perm(5, k) for k in range(7)], math.perm(5), math.perm(30, 10), math.perm(5, None))


def attempt(label, f, *args):
    try:
        print(label, f(*args))
    except (ValueError, OverflowError, TypeError) as e:
        print(label, type(e).__name__, e)


attempt("factorial(-1)", math.factorial, -1)
attempt("factorial(2.0)", math.factorial, 2.0)
attempt("factorial('3')", math.factorial, "3")
attempt("factorial(10**30)", math.factorial, 10**30)
attempt("gcd(1.5)", math.gcd, 1.5)
attempt("lcm('a', 2)", math.lcm, "a", 2)
attempt("isqrt(-1)", math.isqrt, -1)
attempt("isqrt(2.0)", math.isqrt, 2.0)
attempt("comb(-1, 2)", math.comb, -1, 2)
attempt("comb(5, -2)", math.comb, 5, -2)
attempt("comb(5)", math.comb, 5)
attempt("comb(5.0, 2)", math.comb, 5.0, 2)
attempt("perm(-3)", math.perm, -3)
attempt("perm(3, -1)", math.perm, 3, -1)
attempt("perm(3, 5)", math.perm, 3, 5)
