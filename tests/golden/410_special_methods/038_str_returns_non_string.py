class BadStr:
    def __str__(self):
        return 42
try:
    str(BadStr())
except TypeError as e:
    print(e)
try:
    print(BadStr())
except TypeError as e:
    print(e)
try:
    f"{BadStr()}"
except TypeError as e:
    print(e)
class BadFormat:
    def __format__(self, spec):
        return None
try:
    format(BadFormat())
except TypeError as e:
    print(e)
class BadIndex:
    def __index__(self):
        return 1.5
try:
    [1, 2][BadIndex()]
except TypeError as e:
    print(e)
class StrSub(str):
    pass
class ReturnsSub:
    def __str__(self):
        return StrSub("sub")
r = str(ReturnsSub())
print(r, type(r).__name__)
