# Adjacent literals are joined at compile time.
s = "one" "two"
print(s)
print("a" r"\n" 'c')
print(b"by" b"tes")
print(("x"
       "y"
       "z"), len("ab" "cd"))
print("%s-%s" "!" % (1, 2))
