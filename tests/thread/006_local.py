# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.x = "main"
seen = []


def worker(i):
    print_missing = not hasattr(data, "x")
    data.x = i
    barrier.wait()          # all threads have set x before anyone reads it back
    seen.append((i, data.x, print_missing))


barrier = threading.Barrier(4)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen))
print(data.x)


class Counter(threading.local):
    def __init__(self, start):
        self.value = start


c = Counter(10)
out = []


def bump():
    c.value += 1          # __init__ ran again in this thread: value starts at 10
    out.append(c.value)


ts = [threading.Thread(target=bump) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(out, c.value)
