# Truncated or corrupt pickle data raises an exception (UnpicklingError, EOFError...), never
# crashes. gilpy's format differs from CPython's, so this test only checks what both promise:
# every damaged input raises, and intact data still loads.
import pickle

value = {"ints": [1, -2, 3 ** 50], "text": "h\u00e9llo", "bytes": b"\x00\x01",
         "float": 2.5, "nested": ([None, True], {1, 2}, frozenset("ab")), "rng": range(5)}
data = pickle.dumps(value)
print(pickle.loads(data) == value)

# Every proper prefix of the data.
failures = 0
kinds = set()
for n in range(len(data)):
    try:
        pickle.loads(data[:n])
    except (pickle.UnpicklingError, EOFError) as e:
        failures += 1
        kinds.add(type(e).__name__)
print("prefixes that failed:", failures == len(data), sorted(kinds))

try:
    pickle.loads(b"")
except EOFError as e:
    print("EOFError", e)

# Flip bytes one at a time: anything may happen except a crash.
damaged = 0
for i in range(len(data)):
    for delta in (1, 0x40, 0x80):
        b = bytearray_ = bytes(data[:i]) + bytes([(data[i] + delta) % 256]) + bytes(data[i + 1:])
        try:
            pickle.loads(b)
        except Exception:
            damaged += 1
print("damaged inputs survived")

for bad in ["not bytes", 42, None]:
    try:
        pickle.loads(bad)
    except TypeError as e:
        print("TypeError", e)
