# Larger lists: building, summing, searching.
a = []
for i in range(10000):
    a.append(i * 3 % 101)
print(len(a), sum(a), max(a), min(a), a.count(0), a.index(100))
b = a[::-1]
print(b[:5], b[-5:])
a.sort()
print(a[:3], a[-3:], a[5000])
del a[100:9900]
print(len(a))
print(a[50:55] + a[-3:])
