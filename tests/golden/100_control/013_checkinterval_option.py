# gilpy-args: -X checkinterval=1
# The GIL's check interval changes when threads may switch, never what a program prints.
total = 0
for i in range(20000):
    total += i % 7
print(total)
def f(n):
    return n if n < 2 else f(n - 1) + f(n - 2)
print(f(18))
