# ValueError: int() of a non-number.
n = int("abc")
