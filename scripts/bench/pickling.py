# (Named pickling.py: a script called pickle.py would import itself instead of pickle.)
# Benchmark: pickle.dumps + pickle.loads of a realistic structure (records with str keys,
# ints, floats, strings, lists, tuples, nested dicts, class instances), then many tiny
# pickles as multiprocessing's Pool.map sends (one task tuple per item).
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def task(x):
    return x


def make_records(n):
    records = []
    for i in range(n):
        records.append({
            "id": i,
            "name": "user%d" % i,
            "score": i * 0.5,
            "tags": ["t%d" % (i % 7), "common"],
            "pos": (i, -i, i * 2),
            "active": i % 3 == 0,
            "meta": {"level": i % 10, "big": 10 ** 20 + i},
            "point": Point(i, i + 1),
        })
    return records


def work():
    records = make_records(2000)
    total = 0
    for _ in range(50):
        data = pickle.dumps(records)
        back = pickle.loads(data)
        total += len(back) + back[-1]["meta"]["level"] + back[7]["point"].y
    for i in range(150000):
        item = (i, task, (i, "arg"), None)
        back = pickle.loads(pickle.dumps(item))
        total += back[0]
    return total


print(work())
