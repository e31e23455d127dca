# TypeError: not enough arguments for format string.
print("%s and %s" % ("one",))
