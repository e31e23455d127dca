counts = {}
for pair in [[1, 2], [1, 2]]:
    counts[pair] = counts.get(pair, 0) + 1
