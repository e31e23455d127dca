# + * comparisons and membership.
a = "abc"
print(a + "def", a * 3, 3 * a, a * 0, a * -2, repr("" * 5))
print("abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a", "é" > "z", "a" == "a", "a" != "b")
print("b" in "abc", "bc" in "abc", "" in "abc", "ac" in "abc", "x" not in "abc")
print(sorted(["banana", "Apple", "cherry", "apple", "", "B"]))
print(max("hello"), min("hello"), "abc" * 1 == "abc")
x = "ab"
x += "cd"
x *= 2
print(x)
