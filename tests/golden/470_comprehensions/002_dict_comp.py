words = ["apple", "bob", "cat", "apple", "dog"]
print({w: len(w) for w in words})
print({w: i for i, w in enumerate(words)})
print({k: v for k, v in {"a": 1, "b": 2, "c": 3}.items() if v != 2})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({(x, y): x * y for x in range(2) for y in range(2)})
print({x % 3: x for x in range(10)})
print({str(i): [j for j in range(i)] for i in range(3)})
