# Hand-written sorts compared against sorted().
def bubble(a):
    a = a[:]
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a
def insertion(a):
    a = a[:]
    for i in range(1, len(a)):
        x = a[i]
        j = i - 1
        while j >= 0 and a[j] > x:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x
    return a
seed = 7
data = []
for i in range(200):
    seed = (seed * 16807) % 2147483647
    data.append(seed % 1000 - 500)
print(bubble(data) == sorted(data), insertion(data) == sorted(data), bubble(data)[:8])
print(insertion(["pear", "apple", "fig"]), bubble([]), insertion([1]))
