# From seeds/000 (Queue worker with a None sentinel), without threads: the same loop drains a
# deque-backed queue in the main thread.
from collections import deque

class Queue:
    def __init__(self):
        self.items = deque()
        self.unfinished = 0
    def put(self, item):
        self.items.append(item)
        self.unfinished += 1
    def get(self):
        return self.items.popleft()
    def task_done(self):
        self.unfinished -= 1

def process(task):
    return task * task

task_queue = Queue()
results = []
def worker():
    while True:
        task = task_queue.get()
        if task is None:
            break
        results.append(process(task))
        task_queue.task_done()

for task in range(10):
    task_queue.put(task)
task_queue.put(None)
worker()
print(results, task_queue.unfinished)
