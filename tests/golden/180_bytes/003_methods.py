# Common bytes methods.
b = b"  Hello, World  "
print(b.strip(), b.lower(), b.upper(), b.split(), b.split(b","), b.replace(b"l", b"L"))
print(b.find(b"o"), b.count(b"l"), b.startswith(b"  H"), b.endswith(b"  "), b.index(b"W"))
print(b"-".join([b"a", b"b"]), b"abc".decode(), b"\xc3\xa9".decode("utf-8"), b"ab".hex())
print(bytes.fromhex("41 42 ff"), b"a,b,,c".split(b","), b"abc".isalpha(), b"123".isdigit())
print(b"x" * 3, b"ab" + b"cd", b"abc".title(), b"a b".capitalize(), b"ab".center(6, b"*"))
