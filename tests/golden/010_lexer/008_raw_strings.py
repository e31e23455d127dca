# Raw strings keep backslashes.
print(r"a\nb", R"c\td")
print(r'\\', len(r'\\'))
print(r"\"", len(r"\""))
print(r'C:\path\to\file')
print(repr(r"\x41"))
print(rb"\n", Rb"\t", bR"\\")
print(r"""raw
triple\n""")
print(r"\u00e9", len(r"\u00e9"))
