# Benchmark: list work (append, index, slicing, sort, pop).
def work(n):
    data = []
    seed = 12345
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        data.append(seed % 10000)
    total = 0
    for rep in range(3):
        s = sorted(data)
        total += s[len(s) // 2]
        data.reverse()
    stack = []
    for x in data:
        stack.append(x)
        if x % 3 == 0:
            total += stack.pop()
    chunks = 0
    for i in range(0, len(data), 100):
        chunk = data[i:i + 100]
        chunks += len(chunk) + chunk[0]
    for i in range(len(data) - 1):
        if data[i] > data[i + 1]:
            total += 1
    return total + chunks + len(stack)

print(work(700000))
