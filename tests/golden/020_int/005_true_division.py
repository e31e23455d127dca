# / always gives a float, correctly rounded even for big ints.
print(1 / 2, -1 / 2, 7 / 7, 0 / 5, -0 / 5, 10 / 4)
print(1 / 3, 2 / 3, 10 / 3, -10 / 3)
print(10**20 / 10**10, 2**63 / 2, 2**64 / 3)
print(10**400 / 10**399, (10**400 + 1) / 10**390)
print(1 / 10**300, 123456789123456789 / 1000)
print(type(4 / 2), 4 / 2 == 2)
print(True / 2, 3 / True)
