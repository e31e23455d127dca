# TypeError: int() of None.
value = None
print(int(value))
