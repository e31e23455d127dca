# Subclassing deque, deques in cycles, and a deque as a work queue.
from collections import deque
import gc


class History(deque):
    def __init__(self, items=(), size=3):
        super().__init__(items, maxlen=size)
        self.name = "history"

    def latest(self):
        return self[-1] if self else None


h = History([1, 2, 3, 4])
h.append(5)
print(h, h.latest(), h.name, h.maxlen, isinstance(h, deque), type(h).__name__)
print(h.copy(), type(h.copy()).__name__, h == deque([3, 4, 5]))
e = History()
print(e, e.latest(), len(e))

# Cycles through deques are collected.
for _ in range(100):
    a = deque()
    b = deque([a])
    a.append(b)
    a.append(a)
print(gc.collect() >= 0)

# Breadth-first search with a deque as the queue.
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}


def bfs(start):
    seen = {start: 0}
    queue = deque([start])
    order = []
    while queue:
        node = queue.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return order, seen


print(bfs("a"))

# Round-robin scheduling with rotate.
tasks = deque(["t1", "t2", "t3"])
for step in range(5):
    print(step, tasks[0])
    tasks.rotate(-1)
palindrome = deque("racecar")
while len(palindrome) > 1 and palindrome.popleft() == palindrome.pop():
    pass
print(len(palindrome) <= 1)
