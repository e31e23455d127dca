# TypeError: unpacking an int.
a, b = 5
