# seeding from str and bytes (SHA-512, version 2), floats, version 1 strings, None
import random
for seed in ["", "hello", "gilpy", "héllo wörld", b"", b"abc", b"\x00\xff" * 40, 3.5, -0.25, 1e100,
             "x" * 111, "y" * 112, "z" * 128, "w" * 300]:
    random.seed(seed)
    print(repr(seed)[:20], random.random(), random.randint(1, 1000))
random.seed("hello", version=1)
print(random.random())
random.seed(b"bytes v1", version=1)
print(random.random())
random.seed(None)
x = random.random()
print(0.0 <= x < 1.0)
random.seed()
print(0.0 <= random.random() < 1.0)
for bad in [[1, 2], {"a": 1}, (1, 2)]:
    try:
        random.seed(bad)
    except TypeError as e:
        print("TypeError", e)
