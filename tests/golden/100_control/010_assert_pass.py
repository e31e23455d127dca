# Passing asserts do nothing; the message is not evaluated.
def msg():
    print("message evaluated")
    return "m"
assert True
assert 1 == 1, msg()
assert [0], "non-empty list is true"
assert 2 > 1 and "x"
x = 5
assert x == 5, "x should be 5"
print("all asserts passed")
