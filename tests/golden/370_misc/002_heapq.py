# heapq: push/pop, heapify, nlargest/nsmallest, merge, pushpop/replace.
import heapq

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, data[0])
print(heapq.heappushpop(data, -1), heapq.heapreplace(data, 100), sorted(data))
print(heapq.nlargest(3, [1, 8, 2, 9, 4]), heapq.nsmallest(2, [1, 8, 2, 9, 4]))
print(heapq.nlargest(2, ["apple", "fig", "banana"], key=len), heapq.nsmallest(1, [], key=abs))
print(heapq.nsmallest(3, [(2, "b"), (1, "z"), (2, "a"), (0, "q")]), heapq.nlargest(10, [3, 1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([5, 3], [4, 1], reverse=True)))
print(list(heapq.merge(["a", "ccc"], ["bb"], key=len)))
tasks = []
for priority, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
    heapq.heappush(tasks, (priority, name))
while tasks:
    print(heapq.heappop(tasks))
try:
    heapq.heappop([])
except IndexError as e:
    print(type(e).__name__, e)
try:
    heapq.heapreplace([], 1)
except IndexError as e:
    print(type(e).__name__, e)
