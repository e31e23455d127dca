# str methods over a grid of strings and odd arguments.
strs = ["", "a", "aa", "abc", " a b ", "a,b,,c", "AbC dEf", "xyxyx", "é😀é", "\tx\n"]
for s in strs:
    print(repr(s))
    print("  split", s.split(), s.split("a"), s.split(",", 1), s.rsplit(None, 1), s.split("xy"))
    print("  strip", repr(s.strip("ax")), repr(s.lstrip(" a")), repr(s.rstrip("\nc")))
    print("  find", s.find("a"), s.find("a", 1), s.rfind("a"), s.find(""), s.rfind(""), s.count("x"), s.count(""))
    print("  replace", repr(s.replace("a", "<>")), repr(s.replace("", "|")), repr(s.replace("x", "", 1)))
    print("  case", repr(s.upper()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
    print("  pad", repr(s.zfill(5)), repr(s.center(8, "*")), repr(s.ljust(4)), repr(s.rjust(6, "é")))
    print("  part", s.partition("b"), s.rpartition("x"), s.startswith(("a", "x")), s.endswith("c", 0, 3))
    print("  is", s.isalpha(), s.isalnum(), s.isspace(), s.istitle(), s.isupper(), s.islower())
    print("  slice", repr(s[1:]), repr(s[::-1]), repr(s[-2::-2]), repr(s[1:-1:2]))
