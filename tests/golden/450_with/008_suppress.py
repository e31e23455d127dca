from contextlib import suppress
with suppress(KeyError):
    {}["x"]
    print("not reached")
print("after suppress")
with suppress(ValueError, TypeError):
    int("x")
with suppress():
    pass
try:
    with suppress(KeyError):
        [][0]
except IndexError:
    print("IndexError passes through")
with suppress(LookupError):
    [][0]
print("subclass suppressed")
