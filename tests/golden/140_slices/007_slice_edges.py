# Slice edge cases around len and -len, with None bounds and big steps.
a = list(range(6))
n = len(a)
print(a[-1:-n - 1:-1], a[n:0:-1], a[n - 1::-1], a[-n:], a[:-n], a[n:], a[:n])
print(a[None:None:-1], a[None:2:-1], a[2:None:-1], a[::n], a[::-n], a[::n - 1])
print(a[1:-1][::-1], a[::-1][1:-1], a[::2][::-1], a[-2:-6:-2], a[4:-7:-1])
s = "abcdef"
print(s[-1:-n - 1:-1], s[n:0:-1], s[::-n], s[5:0:-2], s[-100::100], s[:100:-100])
t = tuple(a)
print(t[-1:-n - 1:-1], t[::3], t[:-100:-1], t[100:-100:-1])
r = range(1, 20, 3)
print(r[::-1], r[1:-1], r[-2:1:-2], list(r[::-3]), r[:100], r[-100:])
