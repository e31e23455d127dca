# SyntaxError: a starred target alone.
*a = [1, 2]
