import os
path = "/tmp/_gilpy_test_450_006.txt"
with open(path, "w") as f:
    print(f.closed)
    f.write("line1\nline2\n")
print(f.closed)
with open(path) as f:
    print(f.read().split())
with open(path) as f, open(path) as g:
    print(f.readline(), g.readlines())
os.remove(path)
try:
    with open(path) as f:
        pass
except FileNotFoundError as e:
    print(e)
