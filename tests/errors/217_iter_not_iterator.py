class Bag:
    def __iter__(self):
        return [1, 2, 3]

for x in Bag():
    print(x)
