# TypeError: assigning to a tuple item.
point = (1, 2)
point[0] = 5
