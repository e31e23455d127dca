class Evens:
    def __contains__(self, x):
        print("contains", x)
        return x % 2 == 0
e = Evens()
print(4 in e, 3 in e, 3 not in e)
class Truthy:
    def __contains__(self, x):
        return "yes"
print(1 in Truthy())
try:
    1 in 5
except TypeError as e:
    print(e)
