# str.encode and bytes.decode round trip.
for s in ("", "ascii", "café", "日本語", "😀 emoji", "\x00\x7f\x80"):
    e = s.encode()
    print(repr(s), e, len(e), e.decode() == s)
print("abc".encode("ascii"), b"abc".decode("ascii"), "é".encode("utf-8") == b"\xc3\xa9")
