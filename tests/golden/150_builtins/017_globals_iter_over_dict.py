# Iterating builtins results: dict of lists, sums of dict values.
scores = {"ann": [90, 85], "bob": [70, 95, 80], "cy": []}
for name, marks in sorted(scores.items()):
    avg = sum(marks) / len(marks) if marks else 0
    print(name, len(marks), sum(marks), round(avg, 2), max(marks, default=None))
print(sorted(scores, key=lambda n: len(scores[n])), list(map(len, scores.values())))
