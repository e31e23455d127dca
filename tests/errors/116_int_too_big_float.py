# OverflowError: converting a huge int to float.
print(float(10**400))
