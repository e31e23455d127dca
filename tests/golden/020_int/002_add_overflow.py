# + and - crossing the 2**62 and 2**63 boundaries (tagged small int to big int and back).
for base in (2**62, 2**63, 2**64):
    for d in (-2, -1, 0, 1, 2):
        x = base + d
        print(x, x + 1, x + x, x - 1, -x - 1, x - base)
m = 4611686018427387903
print(m + 1, m + 1 - 1, type(m + 1 - 1))
n = -4611686018427387904
print(n - 1, n - 1 + 1, n + n)
big = 9223372036854775807
print(big + 1, big + big, -big - 2, big - (-big))
print(1 + 2**100 - 2**100)
