# ZeroDivisionError from modulo.
print(10 % 0)
