# TypeError: multiplying a str by a float.
print("ab" * 2.5)
