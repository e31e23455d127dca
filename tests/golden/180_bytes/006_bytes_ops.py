# bytes operators, comparisons and iteration.
a = b"abc"
b = b"abd"
print(a + b, a * 2, 2 * b"-", a < b, a == b"abc", a != b, max(a), sorted(b"cab"), list(reversed(a)))
print(a[0] + a[1], a[-1:], bytes(reversed(a)), b"".join([a, b]), a.split(b"b"), a.upper().lower())
print(b"x=1;y=2".split(b";"), b"  pad ".strip(), b"a-b-c".replace(b"-", b""), b"abc".find(b"c"))
print(len(b"\xff" * 3), b"\x00" in b"a\x00", hash(b"") == hash(b""))
