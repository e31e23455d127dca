# bytes literals and their repr.
print(b"abc", b'single', b"""triple""", b"\x00\x01\xff", b"\n\t\\", b"'", b'"', b"'\"")
print(b"", len(b"abc"), len(b"\x00\xff"), b"a" b"b", bytes(3), bytes([65, 66, 255]))
print(bytes(range(0, 256, 51)), b"\x7f\x80", bytes("é", "utf-8"), repr(b"q"))
print(type(b""), b"abc" == b"abc", b"a" < b"b", b"abc" < b"abd", b"" < b"\x00")
