# Closures see the variable, not the value at creation time.
fs = []
for i in range(3):
    fs.append(lambda: i)
print(fs[0](), fs[1](), fs[2]())
gs = []
for i in range(3):
    gs.append(lambda i=i: i)
print(gs[0](), gs[1](), gs[2]())
def make(n):
    return lambda: n
hs = []
for i in range(3):
    hs.append(make(i))
print(hs[0](), hs[1](), hs[2]())
def outer():
    x = 1
    def get():
        return x
    x = 2
    return get
print(outer()())
