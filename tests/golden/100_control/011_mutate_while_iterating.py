# A for loop over a list sees items appended or removed during the loop.
a = [1, 2, 3]
for x in a:
    if x < 6:
        a.append(x + 3)
print(a)
b = [1, 2, 3, 4, 5, 6]
for x in b:
    b.remove(x)
print(b)
c = [0, 1, 2, 3]
seen = []
for i in range(len(c)):
    seen.append(c[i])
    c.insert(0, -i)
print(seen, c)
d = {"a": 1, "b": 2}
for k in list(d):
    d[k + k] = d.pop(k)
print(d)
s = "abc"
for ch in s:
    s += ch.upper()
print(s)
