class Spy:
    def __init__(self):
        self.x = 10
    def __getattribute__(self, name):
        if name != "__dict__":
            print("getattribute", name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
s = Spy()
print(s.x)
print(s.missing)
