# Three-argument pow, including negative base, big modulus and negative modulus.
print(pow(2, 10, 1000), pow(3, 200, 13), pow(2, 100, 10**9 + 7))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5), pow(7, 0, 3), pow(7, 0, 1))
print(pow(123456789, 987654321, 2**64 + 13))
print(pow(10**30, 10**3, 97), pow(0, 0, 7))
print(pow(3, -1, 7), pow(2, -3, 11))
