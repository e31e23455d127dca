# ZeroDivisionError from divmod.
print(divmod(7, 0))
