class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()))
print(3 in Seq(), 4 in Seq())
for x in Seq():
    print(x)
a, b, c, d = Seq()
print(a, b, c, d)
print(sorted(Seq(), reverse=True))
it = iter(Seq())
print(next(it), next(it))
class Slicer:
    def __getitem__(self, k):
        return k
s = Slicer()
print(s[1:2], s[::3], s[1:2, 3], s[...])
