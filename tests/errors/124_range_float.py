# TypeError: range() of a float.
for i in range(2.5):
    print(i)
