# Set items that collide, removed and re-added: membership and printed order match CPython.
s = set()
for k in range(0, 8 * 30, 8):
    s.add(k)
for k in range(0, 8 * 30, 16):
    s.discard(k)
print(len(s), sorted(s)[:5], 16 in s, 24 in s)
for k in range(0, 8 * 30, 32):
    s.add(k)
print(len(s), 32 in s, 48 in s)
t = {1, 9, 17, 25}
t.remove(9)
t.add(33)
print(t, 9 in t, 33 in t)
u = set(range(10))
for i in range(0, 10, 2):
    u.remove(i)
u.add(100)
u.add(2)
print(u)
print({-1, -2, 2**61 - 2, 2**61 - 1, 0})
