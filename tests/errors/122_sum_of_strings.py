# TypeError: sum() refuses to add strings.
print(sum(["a", "b"], ""))
