# Accumulated float error is reproduced exactly.
t = 0.0
for i in range(1, 1001):
    t += 1.0 / i
print(t)
s = 0.0
for i in range(100000):
    s += 0.01
print(s)
p = 1.0
for i in range(1, 171):
    p *= i
print(p, p * 171)
print(sum([0.1] * 10), sum([0.1] * 10, 1.0))
