# count counts non-overlapping occurrences.
print("aaaa".count("aa"), "aaaa".count("a"), "abc".count(""), "".count(""))
print("banana".count("an"), "banana".count("a", 2), "banana".count("a", 2, 4), "banana".count("x"))
print("banana".count("a", -2), "mississippi".count("ss"), "é🙂é".count("é"))
