# == and != across types; ordering within numeric types.
print(1 == 1.0, 1 == "1", 1 != "1", [1] == (1,), None == 0, None != False, "" == [], 0 == False)
print(1.5 > 1, True > 0.5, 10**20 > 1e19, -1 < -0.5, 3 >= 3.0, 2**53 + 1 > 2**53)
print((1, 2) == (1, 2.0), {1: "a"} == {1.0: "a"}, {1, 2} == {2.0, 1.0}, [[1]] == [[1.0]])
print(min([3, 1.5, 2]), max([True, 0.5]), sorted([1, 0.5, True, 0, False, -1.5]))
