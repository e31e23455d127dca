# From seeds/004 and seeds/000: cpu_task / cpu_intensive, run sequentially with small n.
def cpu_task(n):
    return sum(i * i for i in range(n))

def cpu_intensive(n):
    return sum(i * i for i in range(n))

numbers = [10_000] * 8
results = list(map(cpu_intensive, numbers))
print(f"Sum of squares: {results}")
print([cpu_task(n) for n in range(6)])
