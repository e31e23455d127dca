# SyntaxError: a name glued to a number.
count = 12abc
