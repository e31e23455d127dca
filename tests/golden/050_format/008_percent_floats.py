# % formatting of floats matches C's printf rounding and repr choices.
for x in (0.0, -0.0, 1.0, 0.1, 1 / 3, 2.5, 1e-5, 1e16, 123456.789, float("inf"), float("nan")):
    print("%s|%r|%f|%.1f|%e|%g|%10.4g|%-10.2e|" % (x, x, x, x, x, x, x, x))
