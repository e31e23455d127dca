# Many insertions and deletions force resizes; order and lookups stay right.
d = {}
for i in range(5000):
    d[i * 7] = i
for i in range(0, 5000, 2):
    del d[i * 7]
print(len(d), list(d)[:5], list(d)[-3:], d[7], d.get(14), 34993 in d)
for i in range(5000, 5010):
    d[str(i)] = i
print(len(d), list(d.items())[-2:])
s = {}
for i in range(300):
    s["key" + str(i)] = i
total = 0
for i in range(300):
    total += s["key" + str(i)]
print(total, s["key299"], len(s))
