# Every binary operator over a grid of boundary values (a table to diff line by line).
vals = [0, 1, -1, 2, -3, 7, 2**31, -(2**31), 2**32 + 1, 2**62 - 1, 2**62, -(2**62), -(2**62) - 1,
        2**63 - 1, 2**63, -(2**63), 2**64 + 7, -(2**64) - 7, 10**20, -(10**20) + 3, 3**50]
for a in vals:
    for b in vals:
        line = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a == b, a >= b]
        if b != 0:
            line += [a // b, a % b, divmod(a, b) == (a // b, a % b)]
        if 0 <= b < 70:
            line += [a << b, a >> b]
        if 0 <= b <= 7:
            line.append(a ** b)
        print(a, b, line)
