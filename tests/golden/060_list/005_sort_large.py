# Sorting longer lists: pseudo-random numbers, already sorted, reversed.
x = 12345
data = []
for i in range(2000):
    x = (x * 1103515245 + 12345) % 2147483648
    data.append(x % 1000)
s = sorted(data)
print(s[:10], s[-10:], s[1000], len(s))
ok = True
for i in range(1, len(s)):
    if s[i - 1] > s[i]:
        ok = False
print(ok)
r = list(range(1000, 0, -1))
r.sort()
print(r[:5], r[-5:])
idx = list(range(2000))
idx.sort(key=lambda i: data[i])
print(idx[:10])
