# strip, lstrip, rstrip with and without chars.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abc".strip("abc"), "abc".strip(""))
print("www.example.com".lstrip("cmowz."), "www.example.com".rstrip("cmowz."))
print(repr("".strip()), repr("   ".strip()), repr("\u3000a\u3000".strip()))
print("--a--".lstrip("-"), "--a--".rstrip("-"), "aaa".strip("a") == "")
print("  x  ".strip(None), "0012300".strip("0"))
