# Benchmark: dict work (insert, lookup, update, delete, iteration) with int and str keys.
def work(n):
    d = {}
    for i in range(n):
        d[i] = i * 2
    total = 0
    for i in range(0, n, 3):
        total += d[i]
    for i in range(0, n, 2):
        del d[i]
    for k in d:
        total += k
    words = {}
    for i in range(n // 2):
        key = "k" + str(i % 5000)
        words[key] = words.get(key, 0) + 1
    for k, v in words.items():
        total += v
    return total + len(d) + len(words)

print(work(1500000))
