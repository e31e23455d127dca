# the clocks: types and monotonicity (values differ run to run, so only facts are printed)
import time
t = time.time()
print(type(t).__name__, t > 1.6e9, type(time.time_ns()).__name__, time.time_ns() > 1.6e18)
a = time.perf_counter()
b = time.perf_counter()
print(type(a).__name__, b >= a, a >= 0)
na = time.perf_counter_ns()
nb = time.perf_counter_ns()
print(type(na).__name__, nb >= na)
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1, type(time.monotonic_ns()).__name__)
p1 = time.process_time()
total = 0
for i in range(200000):
    total += i
p2 = time.process_time()
print(total, p2 >= p1, type(time.process_time_ns()).__name__)
print(abs(time.time() - time.time_ns() / 1e9) < 1.0)
