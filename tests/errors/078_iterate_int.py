# TypeError: a for loop over an int.
for i in 10:
    print(i)
