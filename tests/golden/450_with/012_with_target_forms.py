class CM:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        return False
with CM() as (a, (b, c)):
    print(a, b, c)
class Holder:
    pass
h = Holder()
d = {}
with CM() as h.value:
    pass
with CM() as d["k"]:
    pass
print(h.value, d)
