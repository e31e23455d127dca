# TypeError: unary minus on a string.
name = "abc"
print(-name)
