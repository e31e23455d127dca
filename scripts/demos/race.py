# Lesson: the lost-update race. Four threads each do `counter += 1` 100,000 times.
# `counter += 1` is several instructions (load, add, store); gilpy can hand the GIL to another
# thread between any two of them, so two threads read the same old value and one update is lost.
# What to look for: the total is below 400000, and on the timeline the four lanes take turns
# holding the GIL (green), each waiting (red) while another runs; orange marks are budget switches.
# Timeline:  scripts/gilpy -X giltimeline=race.svg -X gilstats scripts/demos/race.py
# Trace:     scripts/gilpy -X giltrace=race.json scripts/demos/race.py   (open in ui.perfetto.dev)
# Replay:    scripts/gilpy -X explore=20 scripts/demos/race.py   (the totals 20 schedules give,
#            with their seeds), then scripts/gilpy -X sched=SEED scripts/demos/race.py prints
#            one of them again, on every run.
import threading

counter = 0


def increment(n):
    global counter
    for _ in range(n):
        counter += 1


threads = [threading.Thread(target=increment, args=(100_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("expected 400000, got", counter)
