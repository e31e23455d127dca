# AttributeError: an attribute an int does not have.
n = 5
print(n.length)
