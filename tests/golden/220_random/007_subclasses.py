# subclasses choose _randbelow from the methods they override (random() only, or getrandbits())
import random
class Half(random.Random):
    def random(self):
        self.n = getattr(self, "n", 0) + 1
        return (self.n * 0.137) % 1.0
h = Half(1)
print([h.randrange(10) for i in range(10)], [h.choice("abcdef") for i in range(5)])
class Bits(random.Random):
    def getrandbits(self, k):
        return 3 % (1 << k) if k else 0
print(Bits(1).randrange(7), Bits(1).randint(1, 5))
print(random.randrange(10) in range(10))
