# Pascal's triangle, centered.
rows = []
row = [1]
for n in range(12):
    rows.append(row)
    nxt = [1]
    for i in range(len(row) - 1):
        nxt.append(row[i] + row[i + 1])
    nxt.append(1)
    row = nxt
width = len(" ".join(map(str, rows[-1])))
for r in rows:
    print(" ".join(map(str, r)).center(width).rstrip())
print(row[len(row) // 2])
