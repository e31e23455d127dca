# OverflowError: a float too large for int arithmetic.
print(2.0 ** 10000)
