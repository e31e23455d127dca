# SyntaxError: an f-string without its closing quote.
value = 3
print(f"value is {value)
