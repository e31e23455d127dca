# SyntaxError: an empty expression in an f-string.
name = "x"
print(f"hello {}")
