# TypeError: str.join with an int item.
print(", ".join(["a", 1, "c"]))
