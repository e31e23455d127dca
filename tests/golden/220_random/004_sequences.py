# choice, shuffle, sample (small and large populations, counts), choices (weights)
import random
random.seed(31337)
print([random.choice("abcdefg") for i in range(15)], random.choice([10, 20, 30]), random.choice(range(1000)))
deck = list(range(30))
random.shuffle(deck)
print(deck)
words = ["apple", "banana", "cherry", "date"]
random.shuffle(words)
print(words)
print(random.sample(range(100), 10))
print(random.sample(range(10**6), 8))
print(random.sample("abcdefghij", 4), random.sample([1, 2, 3], 3), random.sample((5, 6), 0))
print(random.sample(range(1000), 30))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.choices("abc", k=10))
print(random.choices(range(5), weights=[10, 1, 1, 1, 20], k=10))
print(random.choices("xyz", cum_weights=[1, 5, 10], k=8))
print(random.choices([1, 2]), len(random.choices("ab", k=0)))


def attempt(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)


attempt(random.choice, [])
attempt(random.choice, "")
attempt(random.sample, range(5), 6)
attempt(random.sample, range(5), -1)
attempt(random.sample, {1, 2, 3}, 2)
attempt(random.sample, {"a": 1}, 1)
attempt(random.sample, "ab", 1, counts=[1])
attempt(random.sample, "ab", 1, counts=[0, 0])
attempt(random.choices, "ab", [1], k=2)
attempt(random.choices, "ab", [1, 1], cum_weights=[1, 2])
attempt(random.choices, "ab", [0, 0])
attempt(random.choices, "ab", 3)
