# format() builtin and the default spec.
print(format(42), format(42, ""), format(42, "5"), format(-1.5, "8.3f"), format("s", "^5"))
print(format(3.0), format(1e20), format(True), format(True, "d"), format(None))
print(repr(format(12345.6789, ",.2f")), format(0.5, ".0%"), format(2**70, ","), format(255, "x"))
print(format(1e100, ".3e"), format(-0.0, "+"), format(0.0, "+"), format(1 / 3, ".15g"))
