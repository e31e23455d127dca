# if/elif/else chains and truthiness of every basic value.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in (-5, 0, 3, 10, 2**70):
    print(n, classify(n))
for v in (0, 1, -1, 0.0, -0.0, 0.1, "", " ", [], [0], (), ((),), {}, {0: 0}, set(), None,
          True, False, range(0), range(1), b"", b"\x00", 2**64, float("nan")):
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
if not []:
    print("empty list is falsy")
if 0:
    print("never")
elif "":
    print("never")
print(bool(0), bool("0"), bool([[]]), not None, not not 5)
