# A small report program using several modules together: collections, itertools,
# functools, statistics, string, json, contextlib, heapq and bisect.
import bisect
import heapq
import json
import string
import statistics
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict
from contextlib import contextmanager
from functools import lru_cache, reduce, total_ordering
from itertools import accumulate, chain, groupby, islice, pairwise

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch
of incredulity, it was the season of Light, it was the season of Darkness."""

Word = namedtuple("Word", "text length position")


@contextmanager
def section(title):
    print("==", title)
    yield
    print()


def words_of(text):
    table = str.maketrans("", "", string.punctuation)
    for i, raw in enumerate(text.split()):
        w = raw.translate(table).lower()
        if w:
            yield Word(w, len(w), i)


words = list(words_of(TEXT))
with section("counts"):
    counts = Counter(w.text for w in words)
    print(counts.most_common(5))
    print(len(words), len(counts), sum(counts.values()))

with section("by length"):
    by_len = defaultdict(list)
    for w in words:
        by_len[w.length].append(w.text)
    for length in sorted(by_len):
        print(length, sorted(set(by_len[length])))
    lengths = [w.length for w in words]
    print(statistics.mean(lengths), statistics.median(lengths), statistics.mode(lengths))
    print(statistics.stdev(lengths), statistics.pvariance(lengths))

with section("groups"):
    first_letters = sorted(w.text for w in words)
    for letter, group in groupby(first_letters, key=lambda s: s[0]):
        print(letter, len(list(group)), end="; ")
    print()
    print(list(islice(accumulate(lengths), 10)))
    print([b.position - a.position for a, b in pairwise(w for w in words if w.text == "was")])

with section("windows"):
    window = deque(maxlen=3)
    for w in islice(words, 8):
        window.append(w.text)
        print(" ".join(window))

with section("heap and bisect"):
    print(heapq.nlargest(3, counts.items(), key=lambda kv: (kv[1], kv[0])))
    cuts = [3, 5, 8]
    print(Counter(("short", "medium", "long", "huge")[bisect.bisect(cuts, n)] for n in lengths))


@total_ordering
class Score:
    def __init__(self, word, value):
        self.word, self.value = word, value

    def __eq__(self, other):
        return self.value == other.value

    def __lt__(self, other):
        return self.value < other.value


@lru_cache(maxsize=None)
def scrabble(word):
    points = dict(chain.from_iterable(((c, v) for c in letters) for letters, v in
                                      [("aeioulnstr", 1), ("dg", 2), ("bcmp", 3), ("fhvwy", 4),
                                       ("k", 5), ("jx", 8), ("qz", 10)]))
    return reduce(lambda acc, c: acc + points.get(c, 0), word, 0)


with section("scores"):
    scores = [Score(w.text, scrabble(w.text)) for w in words]
    best = max(scores)
    print(best.word, best.value, scrabble.cache_info())
    summary = OrderedDict(sorted(((s.word, s.value) for s in scores), key=lambda kv: -kv[1])[:4])
    print(json.dumps(summary, indent=2))
    print(json.loads(json.dumps(summary)) == dict(summary))
