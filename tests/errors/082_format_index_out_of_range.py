# IndexError: a replacement field with no argument.
print("{} {}".format("only one"))
