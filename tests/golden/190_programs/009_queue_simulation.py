# A small simulation using lists as queues and dicts as records.
tasks = []
for i in range(8):
    tasks.append({"name": "t" + str(i), "cost": (i * 7) % 5 + 1})
time = 0
done = []
queue = tasks[:]
while queue:
    t = queue.pop(0)
    t["cost"] -= 2
    time += 2 if t["cost"] >= 0 else 2 + t["cost"]
    if t["cost"] > 0:
        queue.append(t)
    else:
        done.append((t["name"], time))
print(done)
print(time, len(done))
