from itertools import islice, count
def primes():
    found = []
    for n in count(2):
        if all(n % p for p in found):
            found.append(n)
            yield n
print(list(islice(primes(), 15)))
def take(n, it):
    it = iter(it)
    return [x for _, x in zip(range(n), it)]
print(take(5, primes()))
