# SyntaxError: assigning to an operator expression.
a = 1
a + 1 = 2
