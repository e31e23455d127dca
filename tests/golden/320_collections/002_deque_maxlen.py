# A deque with maxlen keeps only the last (or first) items.
from collections import deque

b = deque(range(10), maxlen=3)
print(b, b.maxlen, deque().maxlen)
b.append(10)
print(b)
b.appendleft(-1)
print(b)
b.extend([20, 21])
print(b)
b.extendleft("xy")
print(b)
b.insert(0, "q") if len(b) < 3 else print("full")
z = deque(maxlen=0)
z.append(1)
z.extend([1, 2])
print(z, len(z))
print(deque([1, 2], maxlen=5), deque(maxlen=None), deque([], 2))
print(deque([1, 2, 3], maxlen=2) + deque([9]), deque([1, 2], maxlen=3) * 2)
c = deque([1, 2], maxlen=4)
c *= 3
print(c)
print(c.copy(), c.copy().maxlen)


# The last N lines of a text, as `tail` does.
def tail(lines, n=3):
    return deque(lines, maxlen=n)


text = "one\ntwo\nthree\nfour\nfive"
print(list(tail(text.split("\n"))))


# A moving average over a sliding window.
def moving_average(values, n=3):
    window = deque(maxlen=n)
    total = 0
    for v in values:
        if len(window) == n:
            total -= window[0]
        window.append(v)
        total += v
        if len(window) == n:
            yield total / n


print(list(moving_average([40, 30, 50, 46, 39, 44])))
