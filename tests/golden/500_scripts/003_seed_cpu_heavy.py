# From seeds/002 (GIL section): cpu_heavy run sequentially four times, smaller n.
def cpu_heavy(n):
    total = 0
    for i in range(n):
        total += i ** 2
    return total

results = [cpu_heavy(100_000) for _ in range(4)]
print(results)
def cpu_heavy2(n):
    return sum(i ** 2 for i in range(n))
print(cpu_heavy2(100_000) == results[0])
