# ValueError: format code d for a float.
print("{:d}".format(1.5))
