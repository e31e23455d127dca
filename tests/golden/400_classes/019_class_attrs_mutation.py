class Registry:
    entries = {}
    @classmethod
    def register(cls, name):
        def deco(f):
            cls.entries[name] = f
            return f
        return deco

@Registry.register("add")
def add(a, b):
    return a + b

@Registry.register("mul")
def mul(a, b):
    return a * b

for k in sorted(Registry.entries):
    print(k, Registry.entries[k](3, 4))
