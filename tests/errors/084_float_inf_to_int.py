# OverflowError: int() of an infinite float.
print(int(float("inf")))
