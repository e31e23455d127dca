# Binary search and insertion points.
def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
data = list(range(0, 100, 3))
for x in (-5, 0, 1, 3, 50, 99, 100, 1000):
    i = bsearch(data, x)
    print(x, i, i < len(data) and data[i] == x)
