# Identifiers: underscores, digits, Unicode letters, names close to keywords.
_ = 1
__x = 2
a1b2 = 3
café = 4
π = 3.14159
Nonex = 5
if_ = 6
print(_, __x, a1b2, café, π, Nonex, if_)
ñandú = "bird"
print(ñandú, len("ñandú"))
