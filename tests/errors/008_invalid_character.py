# SyntaxError: a character that is not part of Python.
x = 5 $ 3
