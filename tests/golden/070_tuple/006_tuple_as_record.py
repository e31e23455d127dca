# Tuples as records: sorting by fields, swapping, returning several values.
people = [("ann", 31, 5.5), ("bob", 25, 6.1), ("cy", 31, 5.9), ("di", 25, 5.2)]
for name, age, height in sorted(people, key=lambda p: (-p[1], p[2])):
    print(f"{name:<4}{age:>3}{height:>5.1f}")
def stats(values):
    return min(values), max(values), sum(values) / len(values)
lo, hi, mean = stats([31, 25, 31, 25])
print(lo, hi, mean)
oldest = max(people, key=lambda p: p[1])
print(oldest, oldest[0], oldest[-1], people.index(("cy", 31, 5.9)), ("bob", 25, 6.1) in people)
