# TypeError: len() called without an argument.
print(len())
