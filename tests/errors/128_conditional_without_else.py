# SyntaxError: a conditional expression without else.
x = 1 if True
