class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(L(0)), bool(L(3)), len(L(3)))
print(bool(B(True)), not B(False))
if B(True):
    print("truthy")
print(bool(Both()), len(Both()))
print(bool(object()))
print(L(0) or "empty", L(2) and "full")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print(e)
try:
    len(object())
except TypeError as e:
    print(e)
