# Augmented assignment evaluates the target's container and index once.
calls = []
def idx(i):
    calls.append(i)
    return i
a = [1, 2, 3]
a[idx(1)] += 10
print(a, calls)
d = {"k": [1]}
d["k"] += [2]
d["k"] *= 2
print(d)
n = [[1, 2], [3]]
n[idx(0)][idx(1)] **= 5
print(n, calls)
s = ["x"]
s[0] += "y"
s[-1] *= 3
print(s)
