# The is* predicates on edge cases.
tests = ["", "abc", "ABC", "Abc", "abc123", "123", "12.5", " ", "\t\n", "Hello World",
         "hello World", "½", "²", "٣", "é", "a b", "_x", "x1", "1x", "if", "ABC def"]
for s in tests:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isascii(),
          s.isprintable())
