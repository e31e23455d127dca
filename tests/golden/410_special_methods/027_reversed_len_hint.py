class R:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(R())))
class SeqRev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]
print(list(reversed(SeqRev())))
try:
    reversed(object())
except TypeError as e:
    print(e)
