# A file with Windows line endings.
x = 1
if x:
    print("crlf", x)
s = """a
b"""
print(repr(s))
print(1 + \
      2)
