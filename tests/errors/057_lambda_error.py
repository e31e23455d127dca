# An error inside a lambda called from a builtin.
print(list(map(lambda x: 10 // x, [5, 2, 0, 1])))
