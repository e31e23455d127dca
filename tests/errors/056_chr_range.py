# ValueError: chr() argument out of range.
print(chr(0x110000))
