# Benchmark: integer loops with small-int arithmetic (while and for, nested).
def work(n):
    total = 0
    i = 0
    while i < n:
        total += i * i % 7 - (i >> 3) + (i & 15)
        i += 1
    return total

def nested(n):
    count = 0
    for a in range(n):
        for b in range(n):
            if (a ^ b) & 3 == 0:
                count += a - b
            else:
                count -= 1
    return count

print(work(3000000), nested(1000))
