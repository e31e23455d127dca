import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(isinstance(RecursionError(), RuntimeError))
print(sys.getrecursionlimit() >= 1000)
def again(n):
    if n == 0:
        return 0
    return 1 + again(n - 1)
print(again(500))
