# _random.Random.setstate checks its state vector as CPython does
import _random
r = _random.Random()
for st in [(-1,)*624+(0,), (2**32 + 5,)*624+(0,), (2**64,)*624+(0,), (1.5,)*624+(0,), (1,)*624+(625,), (1,)*624+(-1,), (1,)*624+(1.0,), (1,)*624+(624,)]:
    try:
        r.setstate(st)
        print('ok', r.getstate()[0], r.random())
    except Exception as e:
        print(type(e).__name__, e)
