# ValueError: a modular inverse that does not exist.
print(pow(2, -1, 4))
