# SyntaxError: a closing bracket with no opening one.
total = (1 + 2))
print(total)
