"""A tiny discrete-event scheduler: a heap of events, generator-based tasks that yield delays,
send() to pass the simulated time, and a trace of what ran."""
import heapq


class Scheduler:
    def __init__(self):
        self.now = 0
        self.queue = []
        self.seq = 0
        self.trace = []

    def spawn(self, name, gen, delay=0):
        next(gen)  # prime: run to the first yield
        self.seq += 1
        heapq.heappush(self.queue, (self.now + delay, self.seq, name, gen))

    def run(self, until=100):
        while self.queue:
            t, _, name, gen = heapq.heappop(self.queue)
            if t > until:
                self.trace.append(f"stop at {until}")
                break
            self.now = t
            try:
                delay = gen.send(self.now)
            except StopIteration as e:
                self.trace.append(f"{self.now:>3} {name} finished -> {e.value}")
                continue
            self.trace.append(f"{self.now:>3} {name} sleeps {delay}")
            self.seq += 1
            heapq.heappush(self.queue, (self.now + delay, self.seq, name, gen))


def ticker(period, count):
    total = 0
    now = yield 0
    for i in range(count):
        total += now
        now = yield period
    return total


def producer(items, out):
    now = yield 0
    for item in items:
        out.append((now, item))
        now = yield len(item)
    return len(items)


out = []
s = Scheduler()
s.spawn("tick3", ticker(3, 4))
s.spawn("tick5", ticker(5, 3), delay=1)
s.spawn("prod", producer(["ab", "cdef", "g"], out), delay=2)
s.run()
print("\n".join(s.trace))
print(out, s.now)
s2 = Scheduler()
s2.spawn("forever", ticker(7, 100))
s2.run(until=30)
print(s2.trace[-3:])
