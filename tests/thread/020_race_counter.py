# The lost-update race of the articles: four threads do `counter += 1` 100,000 times each.
# gilpy-differs: gilpy may switch threads between ANY two instructions, so the race between
# the load and the store of `counter` shows in (nearly) every run; CPython 3.11 switches only
# at calls and backward jumps and almost always prints 400000. Expected output kept by hand.
import threading

counter = 0


def increment(n):
    global counter
    for _ in range(n):
        counter += 1   # LOAD_GLOBAL, +, STORE_GLOBAL: a switch in between loses updates


def run_once():
    global counter
    counter = 0
    threads = [threading.Thread(target=increment, args=(100_000,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


results = [run_once() for _ in range(10)]
below = sum(1 for r in results if r < 400_000)
print("never above 400000:", all(r <= 400_000 for r in results))
print("race shown in at least 9 of 10 runs:", below >= 9)
