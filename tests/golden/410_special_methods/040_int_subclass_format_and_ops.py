class Meters(int):
    def __repr__(self):
        return f"Meters({int(self)})"
    def __str__(self):
        return f"{int(self)} m"
    def __add__(self, o):
        return Meters(int(self) + int(o))
m = Meters(5)
print(m, repr(m), f"{m}", f"{m:>5}", "%d" % m, format(m, "03d"), m + 2, 2 + m, type(2 + m).__name__)
print(m * 2, type(m * 2).__name__, -m, abs(Meters(-3)), m == 5, m < 6, hash(m) == hash(5))
class F(float):
    pass
f = F(2.5)
print(f, repr(f), f + 1, type(f + 1).__name__, f"{f:.2f}", round(f))
class S(str):
    def __len__(self):
        return 99
s = S("abc")
print(len(s), s.upper(), type(s.upper()).__name__, s + "d", s[0], s == "abc")
