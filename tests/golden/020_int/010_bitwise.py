# & | ^ ~ with negative and big operands (two's complement semantics).
vals = (0, 1, -1, 5, -6, 255, -256, 2**64 + 3, -(2**64) - 5, 2**62, -(2**62))
for a in vals:
    print(a, ~a, a & 0xFF, a | 0x100, a ^ -1)
for a in (12, -12, 2**70 + 12):
    for b in (10, -10, 2**66 - 1):
        print(a & b, a | b, a ^ b)
