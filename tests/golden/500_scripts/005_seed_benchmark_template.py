# From seeds/003 (benchmarking template): benchmark() and print_benchmark() with a fake clock
# so that the statistics are deterministic.
import statistics

class FakeClock:
    def __init__(self, steps):
        self.steps = steps
        self.t = 0.0
        self.i = 0
    def perf_counter(self):
        self.t += self.steps[self.i % len(self.steps)]
        self.i += 1
        return self.t

time = FakeClock([0.5, 0.25, 0.5, 0.125, 0.5, 0.375, 0.5, 0.25, 0.5, 0.5])

def benchmark(func, *args, runs=5):
    """Run a function multiple times and return timing statistics"""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(*args)
        times.append(time.perf_counter() - start)

    return {
        'mean': statistics.mean(times),
        'stdev': statistics.stdev(times) if len(times) > 1 else 0,
        'min': min(times),
        'max': max(times)
    }

def print_benchmark(name, stats):
    print(f"{name}:")
    print(f"  Mean: {stats['mean']:.3f}s (±{stats['stdev']:.3f}s)")
    print(f"  Range: {stats['min']:.3f}s - {stats['max']:.3f}s")

stats = benchmark(sum, range(1000), runs=5)
print_benchmark("Sequential sum", stats)
print_benchmark("One run", benchmark(len, "abc", runs=1))
