# sort is stable; key and reverse keep equal items in order.
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2)]
byname = pairs[:]
byname.sort(key=lambda p: p[0])
print(byname)
bynum = pairs[:]
bynum.sort(key=lambda p: p[1])
print(bynum)
rev = pairs[:]
rev.sort(key=lambda p: p[1], reverse=True)
print(rev)
both = sorted(pairs)
print(both, sorted(pairs, reverse=True))
words = ["banana", "Pie", "apple", "fig", "Cherry", "kiwi", "date"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
n = [5, -3, 2.5, 0, -7, 2, True, 10**20]
n.sort()
print(n)
n.sort(key=abs, reverse=True)
print(n)
print(sorted([]), sorted([1]), sorted("hello"), sorted((3, 1, 2)))
