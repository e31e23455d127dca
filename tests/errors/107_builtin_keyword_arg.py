# TypeError: a builtin that takes no keyword arguments.
print(len(obj=[1]))
