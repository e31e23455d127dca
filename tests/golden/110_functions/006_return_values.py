# return with no value, several values, early returns.
def none1():
    return
def none2():
    pass
def many():
    return 1, "two", [3]
def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1
print(none1(), none2(), many(), early(10), early(0), early(100))
a, b, c = many()
print(a, b, c)
def nested():
    def inner():
        return "inner"
    return inner() + "/outer"
print(nested())
