# deque errors: CPython's exact messages.
from collections import deque

d = deque([1])
tests = [
    lambda: deque().pop(),
    lambda: deque().popleft(),
    lambda: d.remove(5),
    lambda: d.index(5),
    lambda: deque(maxlen=-1),
    lambda: deque(maxlen="a"),
    lambda: d[5],
    lambda: d[-2],
    lambda: d["a"],
    lambda: d + [1],
    lambda: d * 1.5,
    lambda: deque([1], 1).insert(0, 2),
    lambda: d.append(),
    lambda: d.pop(1),
    lambda: d.popleft(1),
    lambda: d.rotate(1, 2),
    lambda: d.rotate("a"),
    lambda: deque(1),
    lambda: hash(d),
    lambda: d < [1],
    lambda: deque([], 2, 3),
    lambda: d.count(),
    lambda: d.extend(1),
    lambda: 1 + d,
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
try:
    del d[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    d[1] = 0
except IndexError as e:
    print(type(e).__name__, e)
m = deque([1, 2, 3])
try:
    for x in m:
        m.append(x)
except RuntimeError as e:
    print(type(e).__name__, e)
m = deque([1, 2, 3])
it = iter(m)
next(it)
m.popleft()
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
