try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print(e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print(e)
try:
    raise NotExc()
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 5:
        pass
    print("no error when nothing raised")
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(e)
