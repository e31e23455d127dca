# TypeError: assigning to a string item.
word = "cat"
word[0] = "b"
