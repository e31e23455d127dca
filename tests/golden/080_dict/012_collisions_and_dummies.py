# Keys that collide in the hash table, deleted and re-inserted: lookups and order stay right.
d = {}
for k in range(0, 8 * 40, 8):
    d[k] = k // 8
for k in range(0, 8 * 40, 16):
    del d[k]
for k in range(0, 8 * 40, 32):
    d[k] = "back"
print(len(d), list(d.items())[:6], list(d.items())[-6:])
print(0 in d, 8 in d, 16 in d, 32 in d, d.get(24), d.get(16, "gone"))
big = {}
for i in range(64):
    big[i * 2**61] = i
for i in range(0, 64, 3):
    del big[i * 2**61]
print(len(big), list(big.values())[:10], big.get(2**61), big.get(3 * 2**61))
neg = {-1: "a", -2: "b", 2**61 - 2: "c", -(2**61) + 1: "d"}
print(neg, hash(-1), hash(-2), hash(2**61 - 2))
