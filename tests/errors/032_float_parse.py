# ValueError: float() of a non-number.
x = float("x")
