class H:
    def __hash__(self):
        return 2 ** 70
print(hash(H()) == hash(2 ** 70))
class Bad:
    def __hash__(self):
        return "x"
try:
    hash(Bad())
except TypeError as e:
    print(e)
class Neg:
    def __hash__(self):
        return -1
print(hash(Neg()))
