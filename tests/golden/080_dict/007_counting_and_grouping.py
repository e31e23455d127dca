# Typical dict programs: counting words and grouping by length.
text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
by_count = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(by_count[:3])
inv = {}
for k, v in counts.items():
    inv[v] = inv.get(v, "") + k[0]
print(inv)
