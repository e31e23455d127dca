# ValueError: a bytes item above 255.
print(bytes([1, 256]))
