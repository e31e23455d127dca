# iter and next, with defaults and exhausted iterators.
it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
s = iter("ab")
print(next(s), list(s), next(s, "empty"))
d = iter({"k": 1, "j": 2})
print(next(d), next(d), next(d, 0))
r = iter(range(3))
print(list(r), list(r))
it2 = iter([10, 20, 30])
for x in it2:
    if x == 10:
        print("skip", next(it2))
    else:
        print("got", x)
t = iter((1,))
print(iter(t) is t, next(t), next(t, "end"))
