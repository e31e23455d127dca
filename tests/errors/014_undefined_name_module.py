# NameError at module level.
print("before")
print(undefined_variable)
