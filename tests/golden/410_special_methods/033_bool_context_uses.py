class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
a, b = Flag(True), Flag(False)
print("and:", (a and b) is b)
print("or:", (b or a) is a)
print("not:", not a)
while b:
    pass
print("ternary:", "yes" if a else "no")
print([x.v for x in [a, b] if x])
print(any([b, a]), all([a, b]))
