# randint and randrange sequences, and their errors (float arguments are left out:
# CPython 3.11 warns about them with a DeprecationWarning that gilpy does not print)
import random
random.seed(2024)
print([random.randint(1, 6) for i in range(30)])
print([random.randint(-10**20, 10**20) for i in range(3)])
print([random.randrange(10) for i in range(20)])
print([random.randrange(5, 50, 5) for i in range(10)])
print([random.randrange(100, 0, -7) for i in range(10)])
print([random.randrange(2**70) for i in range(3)])
print(random.randint(0, 0), random.randrange(True), random.randrange(-3, -1))
for args in [(0,), (-5,), (5, 5), (10, 1), (1, 10, 0), (0, 10, -1), (1, None, 2)]:
    try:
        print(args, random.randrange(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError", e)
try:
    random.randrange("a")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
