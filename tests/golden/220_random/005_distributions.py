# the real-valued distributions give CPython's exact numbers for the same seed
import random
random.seed(123)
print([random.uniform(1, 10) for i in range(3)], random.uniform(5, 5))
print([random.gauss(0, 1) for i in range(5)])
print([random.gauss(100, 15) for i in range(3)])
print([random.normalvariate(0, 1) for i in range(3)], random.normalvariate())
print([random.triangular(0, 10, 2) for i in range(3)], random.triangular(), random.triangular(3, 3, 3))
print([random.expovariate(1.5) for i in range(3)])
print([random.betavariate(2, 5) for i in range(3)], random.betavariate(0.5, 0.5))
print([random.gammavariate(a, 1.0) for a in (0.5, 1.0, 3.0)])
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.vonmisesvariate(0, 0))
print(random.paretovariate(3), random.weibullvariate(1, 2))
try:
    random.gammavariate(-1, 1)
except ValueError as e:
    print("ValueError", e)
