# Benchmark: string building (join, f-strings, +=, methods).
def work(n):
    parts = []
    for i in range(n):
        parts.append(f"{i}:{i * 3 % 17:02d}")
    s = ",".join(parts)
    total = len(s)
    acc = ""
    for i in range(n // 4):
        acc += str(i % 10)
    total += len(acc)
    for piece in s.split(",")[: n // 2]:
        a, b = piece.split(":")
        total += len(a.upper()) + int(b)
    line = "the quick brown fox jumps over the lazy dog "
    for i in range(n // 10):
        total += line.replace("o", "0").count("0") + line.find("lazy")
    return total

print(work(600000))
