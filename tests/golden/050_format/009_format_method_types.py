# format specs applied to each type through str.format and f-strings alike.
v = [0, 7, -7, 3.75, -0.125, "txt", True, 10**25]
for x in v:
    print(repr(x), "[{:>8}]".format(x), "[{:<8}]".format(x), "[{:^8}]".format(x), f"[{x!r:>12}]")
