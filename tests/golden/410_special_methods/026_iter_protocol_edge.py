class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration("ignored value")
        return self.i
print(list(It()), tuple(It()), set(It()), dict.fromkeys(It()))
print(sum(It()), max(It()), sorted(It(), reverse=True))
print(list(zip(It(), "abcd")), list(enumerate(It(), 1)))
print(" ".join(map(str, It())))
print([x * 2 for x in It()], any(x > 2 for x in It()))
x, *rest = It()
print(x, rest)
