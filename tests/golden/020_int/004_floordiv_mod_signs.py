# Floor division and modulo follow the sign of the divisor.
for a in (7, -7, 0, 13, -13, 1, -1):
    for b in (2, -2, 3, -3, 7, -7):
        print(a, b, a // b, a % b, divmod(a, b))
big = 10**30 + 7
for b in (3, -3, 10**15, -(10**15)):
    print(big // b, big % b, -big // b, -big % b)
print(-(2**63) // -1, -(2**63) % -1)
print(-(2**62) // -1, (-(2**62)) * -1)
print((-4611686018427387904) // -1, type(-4611686018427387904 // -1))
