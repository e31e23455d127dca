"""Word statistics over a built-in text: Counter-like dict work, sorting with keys,
string methods, f-string alignment and a histogram."""
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""


def words(text):
    for raw in text.split():
        w = raw.strip(".,;:!?").lower()
        if w:
            yield w


def count(ws):
    counts = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    return counts


counts = count(words(TEXT))
print(len(counts), sum(counts.values()))
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
width = max(len(w) for w, _ in top)
for w, n in top:
    print(f"{w:<{width}} {n:>3} {'#' * n}")
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, sorted(by_len[n]))
lines = TEXT.splitlines()
print([len(l) for l in lines], max(lines, key=len)[:20])
print(" ".join(w.capitalize() for w in list(words(TEXT))[:6]))
vowels = sum(TEXT.lower().count(v) for v in "aeiou")
print(vowels, f"{vowels / len(TEXT):.3f}")
