class Temperature:
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) / 1.8)

    def __init__(self, c):
        self.c = c

t = Temperature.from_f()
