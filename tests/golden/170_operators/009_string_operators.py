# Operators on strings: + * % in comparisons.
print("ab" + "cd", "ab" * 3, "-" * 10, "%d%%" % 50, "a" < "b", "abc" >= "abd", "é" > "e")
print("b" in "abc", "" in "", "x" * 0 == "", "A" + "b" * 2 + "c", "ab" == "a" + "b")
s = ""
for i in range(5):
    s += str(i)
print(s, len(s * 1000), ("x" + "y") * 2)
