# A list containing itself prints as [...].
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
b = [a, [a]]
print(b)
d = {"self": None}
d["self"] = d
print(d)
