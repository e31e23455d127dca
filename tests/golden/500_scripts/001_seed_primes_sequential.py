# From seeds/000 ("Multiprocessing: For CPU-Bound Tasks"), sequential part only; the range is
# smaller and the elapsed time is not printed (it varies from run to run).
import time
import math

def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False
    for i in range(3, int(math.sqrt(n)) + 1, 2):
        if n % i == 0:
            return False
    return True

numbers = list(range(1_000_000, 1_001_000))

# Sequential: uses 1 CPU core
def count_primes_sequential(numbers):
    return sum(1 for n in numbers if is_prime(n))

start = time.time()
print(count_primes_sequential(numbers))
elapsed = time.time() - start
print(f"Sequential: {'fast' if elapsed >= 0 else 'negative?'}")
print([n for n in range(50) if is_prime(n)])
