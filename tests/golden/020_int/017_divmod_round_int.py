# divmod and round on ints, including negative ndigits.
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 3))
print(divmod(2**70, 3**20), divmod(-(2**70), 7))
print(round(15), round(15, -1), round(25, -1), round(35, -1), round(-25, -1))
print(round(1234567, -3), round(1250, -2), round(1350, -2), round(5, -1), round(15, 1))
print(round(10**30 + 5 * 10**10, -11), type(round(7, 2)))
