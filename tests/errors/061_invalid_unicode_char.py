# SyntaxError: a Unicode symbol that is not an operator.
x = 3 × 4
