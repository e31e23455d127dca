def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally when dropped")
it = g()
print(next(it))
del it
print("after del")
for x in g():
    print("loop", x)
    break
print("after break")
