# random() and getrandbits() after seeding with ints (small, big, negative), must equal CPython's
import random
for seed in [0, 1, 2, 42, 12345, 2**32 - 1, 2**32, 2**64 + 7, 10**40, -1, -42, True]:
    random.seed(seed)
    print(seed, [random.random() for i in range(3)])
random.seed(7)
print([random.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 64, 100, 200]])
random.seed(8)
print(random.getrandbits(1000) % 1000003, random.getrandbits(1000).bit_length() <= 1000)
r = random.Random(99)
print(r.random(), r.random(), r.getrandbits(16))
r.seed(99)
print(r.random())
print(random.Random(5).random() == random.Random(5).random())
for bad in [-1, 1.5, "8"]:
    try:
        random.getrandbits(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
