# startswith/endswith with tuples and ranges.
s = "filename.tar.gz"
print(s.startswith("file"), s.startswith("name"), s.startswith("name", 4), s.startswith(""))
print(s.endswith(".gz"), s.endswith((".zip", ".gz")), s.endswith(".tar", 0, 12))
print(s.startswith(("x", "y", "fi")), s.startswith(()), "".startswith(""), "".endswith("a"))
print(s.startswith("gz", -2), s.endswith("file", 0, 4), s.endswith("", 100))
