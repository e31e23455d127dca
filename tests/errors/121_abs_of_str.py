# TypeError: abs() of a string.
print(abs("-3"))
