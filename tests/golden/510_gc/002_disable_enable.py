import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
for _ in range(50):
    l = []
    l.append(l)
del l
print(gc.collect())
gc.enable()
print(gc.isenabled())
print(gc.collect())
