# Indexing bytes gives ints; slicing gives bytes.
b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:], list(b), b[1:2] == b"e")
for x in b"AZ":
    print(x, chr(x))
print(104 in b, b"ll" in b, b"" in b, b"z" in b, max(b), min(b), sum(b))
