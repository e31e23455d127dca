# Using sets: de-duplication and common elements.
data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
seen = set()
unique = []
for x in data:
    if x not in seen:
        seen.add(x)
        unique.append(x)
print(unique, sorted(seen), len(seen))
primes = set()
composites = set()
for n in range(2, 50):
    is_p = True
    for p in primes:
        if n % p == 0:
            is_p = False
    if is_p:
        primes.add(n)
    else:
        composites.add(n)
print(sorted(primes), len(composites), sorted(primes & set(data)))
