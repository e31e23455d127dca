# getstate/setstate replay, independent instances, subclasses, SystemRandom, randbytes
import random
random.seed(77)
state = random.getstate()
first = [random.random() for i in range(5)]
random.setstate(state)
print(first == [random.random() for i in range(5)], state[0], len(state[1]), state[2])
random.seed(5)
random.gauss(0, 1)
st = random.getstate()
print(st[2] is not None, random.gauss(0, 1) == random.gauss(0, 1))
random.setstate(st)
a = random.gauss(0, 1)
random.setstate(st)
print(a == random.gauss(0, 1))
r1, r2 = random.Random(1), random.Random(1)
print(r1.random() == r2.random(), r1.randint(1, 10**9), r2.randint(1, 10**9))
r3 = random.Random()
print(isinstance(r3, random.Random), 0 <= r3.random() < 1)


class Loaded(random.Random):
    def pick(self):
        return self.randint(1, 6)


d = Loaded(11)
print([d.pick() for i in range(10)], type(d).__name__)
random.seed(3)
print(random.randbytes(10), random.randbytes(0))
s = random.SystemRandom()
x = s.random()
print(0.0 <= x < 1.0, 0 <= s.randint(1, 10) <= 10, len(s.randbytes(4)), s.getrandbits(8) < 256)
try:
    s.getstate()
except NotImplementedError as e:
    print("NotImplementedError", e)
for bad in [(1, 2, 3), (3, (1, 2), None), (9, (), None)]:
    try:
        random.setstate(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    random.Random(1, 2)
except TypeError as e:
    print("TypeError", e)
