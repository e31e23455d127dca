# Seed article 003 ("Python threading: GIL-Limited Concurrency"), CPU-bound part: threads do not
# speed up CPU work; more threads are no faster. Sizes are reduced; the ratios are the lesson.
# The machine may be busy with other work, which stretches wall-clock times at random, so each
# threaded wall time is compared with the CPU time (time.process_time) of the sequential run:
# load can only make the threaded run look slower, and only parallel threads could beat it.
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def cpu_intensive_task(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


N = 1_000_000
start = time.process_time()
cpu_intensive_task(N)
cpu_intensive_task(N)
sequential_time = time.process_time() - start
start = time.perf_counter()
t1 = threading.Thread(target=cpu_intensive_task, args=(N,))
t2 = threading.Thread(target=cpu_intensive_task, args=(N,))
t1.start()
t2.start()
t1.join()
t2.join()
threaded_time = time.perf_counter() - start
print("Threaded not faster than sequential:", threaded_time > 0.6 * sequential_time)


def count_operations(n, results, index):
    count = 0
    for _ in range(n):
        count += 1
    results[index] = count


def benchmark_threads(num_threads, operations_per_thread):
    results = [0] * num_threads
    threads = []
    start = time.perf_counter()
    for i in range(num_threads):
        t = threading.Thread(target=count_operations,
                             args=(operations_per_thread, results, i))
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, sum(results)


total_ops = 2_000_000
start = time.process_time()
count_operations(total_ops, [0], 0)
one_thread_cpu = time.process_time() - start
times = {}
for threads in [1, 2, 4, 8]:
    elapsed, done = benchmark_threads(threads, total_ops // threads)
    times[threads] = elapsed
    print(f"  {threads} thread(s): all {done} operations done")
print("more threads are not faster:", all(times[n] > 0.6 * one_thread_cpu for n in (2, 4, 8)))


def cpu_work(n):
    total = 0
    for i in range(n):
        total += i * i % 1000
    return total


tasks = [200_000] * 8
start = time.process_time()
sequential_results = [cpu_work(t) for t in tasks]
sequential_time = time.process_time() - start
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as executor:
    threaded_results = list(executor.map(cpu_work, tasks))
thread_time = time.perf_counter() - start
print("same results:", threaded_results == sequential_results)
print("Threading (4) speed-up below 1.5x:", sequential_time / thread_time < 1.5)
