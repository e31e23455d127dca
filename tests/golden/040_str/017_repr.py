# repr picks quotes like CPython and escapes what is not printable.
for s in ("plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "bs\\",
          "\x00\x1f\x7f", "é☃😀", "\u200b\u00a0", "'", '"', ""):
    print(repr(s), str(s) == s)
print(repr(["a", "b'c"]), str(["x"]), str(("y",)), repr(repr("q")))
