import gc
def make_closure_cycle():
    def f():
        return f
    return f
for _ in range(1000):
    make_closure_cycle()
def gen():
    g = yield
    yield g
for _ in range(1000):
    g = gen()
    next(g)
    g.send(g)
del g
gc.collect()
print("ok", gc.collect() >= 0)
