def numbers():
    yield 1
    yield 2
    raise ValueError("source exhausted badly")

def doubled(xs):
    for x in xs:
        yield x * 2

for v in doubled(numbers()):
    print(v)
