class OnlyIter:
    def __iter__(self):
        print("iter called")
        return iter([1, 2, 3])
class OnlyGetitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10
print(2 in OnlyIter(), 5 in OnlyIter())
print(10 in OnlyGetitem(), 15 in OnlyGetitem())
class NoneContains:
    __contains__ = None
try:
    1 in NoneContains()
except TypeError as e:
    print(e)
class NoneIter:
    __iter__ = None
try:
    iter(NoneIter())
except TypeError as e:
    print(e)
