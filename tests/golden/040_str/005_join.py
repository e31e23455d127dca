# join over lists, tuples, strings and dict keys.
print(",".join(["a", "b", "c"]), "".join(("x", "y")), "-".join("abc"))
print(", ".join([]), "+".join(["only"]), "ab".join(["1", "2", "3"]))
print(" ".join({"k1": 1, "k2": 2}), "\n".join(["line1", "line2"]))
parts = []
for i in range(5):
    parts.append(str(i * i))
print("|".join(parts), "é".join(["a", "b"]))
