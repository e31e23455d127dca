# zfill, ljust, rjust, center with odd widths and fill characters.
for s in ("42", "-42", "+42", "", "abc", "-", "3.14"):
    print(repr(s.zfill(6)), repr(s.zfill(0)), repr(s.ljust(5, "*")), repr(s.rjust(5)),
          repr(s.center(6, ".")), repr(s.center(7)))
print("ab".center(5, "x"), "abc".center(6, "x"), "a".center(2), "a".center(4, "-"))
print(repr("toolong".center(3)), repr("é".ljust(3, "é")), repr("x".rjust(-1)))
