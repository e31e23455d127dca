def f(x):
    try:
        if x == 0:
            return 1 / x
        if x == 1:
            return [][x]
        if x == 2:
            return {}["k"]
        return int("z")
    except (ZeroDivisionError, IndexError) as e:
        return "first: " + type(e).__name__
    except (KeyError, ValueError) as err:
        return "second: " + repr(err)
for i in range(4):
    print(f(i))
try:
    raise TypeError("t")
except (ValueError, KeyError, TypeError) as e:
    print("tuple", e)
e = "outer"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
