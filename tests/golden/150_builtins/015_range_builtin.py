# range in for loops and as a sequence.
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -2)), list(range(0, -5, -1)))
print(list(range(1, 2, 5)), list(range(5, 5)), list(range(5, 2)), range(7)[3], range(0, 100, 7)[-2])
total = 0
for i in range(1, 101, 3):
    total += i
print(total, sum(range(-50, 51)), len(range(2**63 - 5, 2**63 + 5)))
