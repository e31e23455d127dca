# \N{name} escapes look characters up by their Unicode name.
print("\N{LATIN SMALL LETTER E WITH ACUTE}", "\N{EURO SIGN}", "\N{GREEK SMALL LETTER PI}")
print(len("\N{SNOWMAN}"), ord("\N{DIGIT ZERO}"), "\N{space}" == " ", "a\N{HYPHEN-MINUS}b")
