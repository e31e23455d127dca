# rsplit from the right.
print("a,b,c,d".rsplit(",", 1), "a,b,c,d".rsplit(",", 2), "a,b,c,d".rsplit(","))
print("  a  b  c  ".rsplit(None, 1), "  a  b  c  ".rsplit())
print("aaa".rsplit("aa"), "".rsplit("x"), "abc".rsplit("abc"))
print("k=v=w".rsplit("=", maxsplit=1), "path/to/file.txt".rsplit("/", 1)[-1])
