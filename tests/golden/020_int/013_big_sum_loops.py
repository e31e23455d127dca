# Big totals computed with loops (the sum of squares needs more than 64 bits at 10**7).
total = 0
i = 0
while i < 1000000:
    total += i * i
    i += 1
print(total)
acc = 0
for i in range(200000):
    acc += i * i * i
print(acc)
p = 1
for i in range(1, 200):
    p *= i
print(p % (10**9 + 7), len(str(p)))
print(sum(range(10**6)), 10**6 * (10**6 - 1) // 2)
