# NameError: deleting a name that was never bound.
x = 1
del y
