class Big:
    def __len__(self):
        return 2 ** 63
try:
    len(Big())
except OverflowError as e:
    print(e)
class Idx:
    def __index__(self):
        return "no"
try:
    [1][Idx()]
except TypeError as e:
    print(e)
class BoolLen:
    def __len__(self):
        return True
print(len(BoolLen()))
