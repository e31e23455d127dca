# SyntaxError: assigning to a literal.
5 = x
