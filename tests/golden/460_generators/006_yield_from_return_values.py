def sub(n):
    total = 0
    for i in range(n):
        total += yield i
    return total
def main():
    a = yield from sub(3)
    b = yield from sub(2)
    return a, b
g = main()
out = [next(g)]
try:
    while True:
        out.append(g.send(1))
except StopIteration as e:
    print(out, e.value)
def empty():
    return 5
    yield
def wrap():
    v = yield from empty()
    print("got", v)
print(list(wrap()))
