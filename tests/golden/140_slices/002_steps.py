# Slices with positive and negative steps on strings, lists, tuples and ranges.
s = "0123456789"
for step in (1, 2, 3, -1, -2, -3, 100, -100):
    print(step, s[::step], s[2:8:step], s[8:2:step], s[-2::step], s[:-8:step])
print(list(range(10))[::-3], tuple(range(10))[1::4], range(10)[::-3], list(range(10)[3:-2:2]))
