# Strings in format specs: precision truncates, = alignment is not for strings.
print("[{:.3}]".format("abcdef"), "[{:10.3}]".format("abcdef"), "[{:>10.3s}]".format("abcdef"))
print("[{:s}]".format("x"), "[{:<5s}]".format("é"), "[{:_^7}]".format("😀"))
