# Escape sequences.
print("tab:\tend")
print("newline:\nnext")
print("backslash: \\ quote: \' \"")
print("hex: \x41\x62\x7e")
print("octal: \101\102\0103 \7 \60")
print("unicode: \u00e9 \u4e2d \U0001F600")
print(len("\U0001F600"), len("\x00"), len("\\n"))
print(repr("\a\b\f\v\r"))
print(repr("\0"), repr("\x7f"), repr("\x80"), repr("\u200b"))
print("line\
continued")
print(ord("\n"), ord("\t"), ord("\r"))
