# ValueError: not enough values to unpack.
a, b, c = "ab"
