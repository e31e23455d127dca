# The gil module's answers have the documented shapes, and finished threads stay in gil.stats().
# gilpy-differs: the gil module is gilpy's own (CPython has none); expected output kept by hand.
import gil
import threading
import time

print("policy", gil.policy())
print("checkinterval is a positive int:", isinstance(gil.checkinterval(), int) and gil.checkinterval() > 0)
print("holder from the main thread:", gil.holder())
print("waiting is a list of str:", all(isinstance(n, str) for n in gil.waiting()))

seen = {}


def worker(tag):
    seen[tag] = gil.holder()          # the caller holds the GIL
    n = 0
    for i in range(50_000):
        n += i
    time.sleep(0.01)


threads = [threading.Thread(target=worker, args=(i,), name=f"worker-{i}") for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("holder inside each worker:", [seen[i] for i in range(3)])

stats = gil.stats()
names = [d["name"] for d in stats]
print("threads in stats:", names[0], sorted(names[1:]))
main = stats[0]
print("keys:", sorted(main))
print("switch causes:", sorted(main["switches"]))
print("blocking kinds:", sorted(main["blocking"]))
print("main alive:", main["alive"], "workers alive:", [d["alive"] for d in stats[1:]])
for d in sorted(stats[1:], key=lambda d: d["name"]):
    ok = (d["acquisitions"] >= 2 and d["instructions"] >= 50_000 and d["held_s"] > 0
          and d["blocking"]["sleep"] == 1 and d["switches"]["exit"] == 1
          and 0 <= d["p99_wait_s"] <= d["max_wait_s"] <= d["waited_s"] + 1e-9)
    print(d["name"], "counters consistent:", ok)
c = gil.contention()
print("contention keys:", sorted(c), "share in [0, 1]:", 0.0 <= c["share"] <= 1.0)
