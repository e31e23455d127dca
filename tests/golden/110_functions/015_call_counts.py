# Key functions are called once per item; default values are evaluated once.
calls = [0]
def key(x):
    calls[0] += 1
    return -x
data = [5, 3, 8, 1, 9, 2]
print(sorted(data, key=key), calls[0])
calls[0] = 0
data.sort(key=key, reverse=True)
print(data, calls[0])
calls[0] = 0
print(max(data, key=key), min(data, key=key), calls[0])
made = []
def default():
    made.append(1)
    return len(made)
def f(x=default()):
    return x
print(f(), f(), f(10), len(made))
