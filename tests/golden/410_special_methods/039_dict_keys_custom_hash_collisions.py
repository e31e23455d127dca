class Key:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return 7
    def __eq__(self, o):
        print("eq", self.name, o.name)
        return self.name == o.name
    def __repr__(self):
        return f"Key({self.name})"
d = {}
d[Key("a")] = 1
d[Key("b")] = 2
print(len(d))
print(d[Key("b")])
print(Key("c") in d)
s = {Key("x"), Key("x")}
print(len(s))
