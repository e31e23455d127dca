# Starred targets at the start, middle and end; they may capture nothing.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
a, *mid, b = 1, 2
print(a, mid, b)
*everything, = (1, 2)
print(everything)
x, *y = "x"
print(x, y)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
for head, *tail in [(1, 2, 3), (4,)]:
    print(head, tail)
[*s] = {"k": 0}
print(s)
