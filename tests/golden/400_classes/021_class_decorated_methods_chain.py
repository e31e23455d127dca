class Money:
    def __init__(self, cents):
        self.cents = cents
    @property
    def dollars(self):
        return self.cents // 100
    @dollars.setter
    def dollars(self, d):
        self.cents = d * 100 + self.cents % 100
    @staticmethod
    def parse(s):
        d, c = s.split(".")
        return Money(int(d) * 100 + int(c))
    def __repr__(self):
        return "Money(%d.%02d)" % (self.cents // 100, self.cents % 100)

m = Money.parse("12.34")
print(m, m.dollars)
m.dollars = 7
print(m)
print([Money(i * 37) for i in range(4)])
