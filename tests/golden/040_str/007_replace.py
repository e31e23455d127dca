# replace with counts, empty strings and overlapping patterns.
print("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "aaaa".replace("aa", "a"))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print("hello".replace("l", ""), "hello".replace("xyz", "q"), "a.b.c".replace(".", ". "))
print("aaa".replace("a", "aa", -1), "abab".replace("ab", "ba", 0), "éé".replace("é", "e"))
