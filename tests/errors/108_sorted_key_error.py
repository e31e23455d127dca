# An error raised by a sort key function.
words = ["a", "bb", None]
print(sorted(words, key=len))
