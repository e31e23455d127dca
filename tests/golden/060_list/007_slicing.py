# Slicing lists with every combination of bounds and steps.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[-100:3], a[8:100], a[5:2])
print(a[::2], a[1::2], a[::-1], a[::-2], a[8:2:-2], a[-1:-5:-1], a[2:8:3])
print(a[100:], a[-1:0:-1], a[:0:-3], a[::10], a[::-10], a[3:3])
print(a[None:None:None] == a, a[slice(2, 6)], a[slice(None, None, -3)])
