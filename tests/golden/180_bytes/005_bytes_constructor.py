# bytes() from ints, lists, strings and iterables.
print(bytes(), bytes(0), bytes(4), bytes([]), bytes([1, 2, 3]), bytes((104, 105)))
print(bytes(b"copy"), bytes("text", "ascii"), bytes(range(65, 70)), bytes(map(ord, "xyz")))
print(list(bytes("é", "utf-8")), bytes([0x41]) * 2, len(bytes(1000)))
