try:
    try:
        {}["a"]
    except KeyError as e:
        raise ValueError("bad value")
except ValueError as v:
    print(repr(v.__context__), v.__cause__, v.__suppress_context__)
try:
    try:
        {}["a"]
    except KeyError:
        raise ValueError("no ctx") from None
except ValueError as v:
    print(repr(v.__context__), v.__cause__, v.__suppress_context__)
try:
    raise IndexError("i") from KeyError("k")
except IndexError as e:
    print(repr(e.__cause__), e.__context__, e.__suppress_context__)
try:
    raise IndexError from ValueError
except IndexError as e:
    print(repr(e.__cause__))
try:
    raise IndexError from 5
except TypeError as e:
    print(e)
