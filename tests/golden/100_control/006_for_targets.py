# for loop over strings, dicts, ranges with negative steps, and unpacking targets.
for c in "hé😀":
    print(c, end="|")
print()
for k in {"b": 1, "a": 2}:
    print(k, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(-5, -10, -2):
    print(i, end=" ")
print()
for i in range(0):
    print("never")
for i in range(3, 3):
    print("never")
for a, b in [(1, 2), (3, 4)]:
    print(a + b, end=" ")
print()
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a, b, c)
for i, c in enumerate("xyz", 1):
    print(i, c)
for x in [1, 2, 3]:
    x = x * 10
print(x)
