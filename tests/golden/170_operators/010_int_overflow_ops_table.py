# Every binary operator applied at the 2**62 and 2**63 boundaries, printed as a table.
vals = [2**62 - 1, 2**62, 2**63 - 1, -(2**62), -(2**63), 3, -7]
for a in vals:
    print(a, a + a, a - (-a), a * 3, a * a, a // 3, a % 1000, a // -7, a % -7, -a, a << 1, a >> 1, a & -a, a | 1, a ^ 2**63)
for a in (2**31, 2**32 - 1, -(2**31) - 1):
    print(a ** 2, a ** 3, a * a * a == a ** 3)
