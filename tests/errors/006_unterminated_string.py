# SyntaxError: a string without its closing quote.
print("hello)
