# TypeError: print's sep must be a string.
print(1, 2, sep=3)
