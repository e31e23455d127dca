# ValueError: a digit that does not exist in base 2.
print(int("102", 2))
