# append, extend and insert, including negative and out-of-range positions.
a = []
a.append(1)
a.append([2, 3])
a.extend([4, 5])
a.extend("ab")
a.extend(range(2))
a.extend(())
print(a, len(a))
b = [1, 2, 3]
b.insert(0, "first")
b.insert(100, "last")
b.insert(-1, "before last")
b.insert(-100, "very first")
b.insert(2, "middle")
print(b)
c = [1, 2]
c.extend(c)
print(c)
c.append(c[:])
print(c)
