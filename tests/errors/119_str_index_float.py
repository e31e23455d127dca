# TypeError: a float used as a string index.
s = "abc"
print(s[1.5])
