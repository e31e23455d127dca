# SyntaxError: a decimal literal with leading zeros.
mode = 0777
