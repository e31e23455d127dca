# Several simple statements on one line; a one-line compound statement.
a = 1; b = 2; c = a + b; print(a, b, c)
if c: print("yes"); print("also")
while a < 4: a += 1
print(a)
for i in range(3): print(i, end=" ")
print()
def f(x): return x * 2
print(f(21));
