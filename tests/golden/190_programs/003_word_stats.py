# Word statistics over a small text.
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity"""
words = []
for raw in text.lower().split():
    w = raw.strip(",.")
    if w:
        words.append(w)
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in top[:6]:
    print(f"{w:<12}{c:>3} {'#' * c}")
print(len(words), len(freq), max(words, key=len), sorted(set(words))[:5])
lengths = {}
for w in words:
    lengths[len(w)] = lengths.get(len(w), 0) + 1
print(sorted(lengths.items()))
