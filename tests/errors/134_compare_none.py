# TypeError: ordering None and an int.
scores = [3, None, 1]
print(max(scores))
