# Builds and drops cyclic structures for many iterations: without a cycle collector this
# grows without bound (measured peak memory: see the report of issue 3).
import gc
class Node:
    def __init__(self, i):
        self.i = i
        self.partner = None
        self.payload = [i] * 20
made = 0
for i in range(200_000):
    a = Node(i)
    b = Node(i + 1)
    a.partner = b
    b.partner = a
    made += 2
del a, b
gc.collect()
print(made, gc.collect())
