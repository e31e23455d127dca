# ZeroDivisionError from float division.
x = 1.5
print(x / 0.0)
