# %-formatting over a grid of conversions, flags, widths and precisions.
vals = [0, 42, -42, 3.75, -0.5, 1e20, 2**70]
convs = ["d", "i", "x", "X", "o", "e", "E", "f", "F", "g", "G", "s", "r"]
for v in vals:
    for c in convs:
        if c in "xXo" and isinstance(v, float):
            continue
        row = []
        for flags in ("", "-", "+", " ", "0", "#", "-+", "+0"):
            for wp in ("", "8", ".2", "10.3"):
                row.append(("%" + flags + wp + c) % v)
        print(repr(v), c, row)
