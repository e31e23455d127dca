# Aliasing and nested structures.
row = [0, 0, 0]
m = [row, row]
m[0][1] = 5
print(m)
m2 = []
for i in range(3):
    m2.append([0] * 3)
m2[1][1] = 7
print(m2)
for r in m2:
    r.append(len(r))
print(m2)
stack = []
for i in range(5):
    stack.append(i)
while stack:
    print(stack.pop(), end=" ")
print()
q = [1, 2, 3]
while q:
    print(q.pop(0), end=",")
print()
