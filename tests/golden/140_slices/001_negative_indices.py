# Negative indices count from the end.
s = "abcdef"
l = list(s)
t = tuple(s)
for i in (-1, -2, -6, 0, 5):
    print(i, s[i], l[i], t[i])
print(s[-3:], l[-3:-1], t[:-4], s[-100:-4], s[-1:-100])
