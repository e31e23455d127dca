# printf-style % formatting.
print("%s %s %s" % (1, "two", 3.0), "%r" % "q", "%s" % [1, 2], "%%" % ())
print("%d %i %5d|%-5d|%05d %+d % d" % (42, -7, 42, 42, 42, 42, 42))
print("%f %.2f %8.3f|%-8.1f|%08.2f %e %.3E %g %G" % (3.14159, 3.14159, 2.5, 2.5, -2.5, 1234.5, 0.000123, 1e-7, 1e20))
print("%x %X %#x %o %#o %c %c" % (255, 255, 255, 8, 8, 65, "z"))
print("%s" % "single", "%s" % (("tuple",),), "%5s|%-5s|" % ("ab", "cd"), "%.2s" % "abcdef")
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%*d|%-*d|" % (5, 1, 4, 2))
print("%d" % 3.99, "%d" % True, "%s %s" % (None, True), "%.0f %.0f" % (0.5, 1.5), "%x" % -255)
print("%d items" % 10**20, "%.3s|" % "é😀x", "%5.1f%%" % 99.5, "%a" % "é")
