# Blank lines and comments at odd indentation inside nested blocks, then several dedents.
def outer(n):
    total = 0
    for i in range(n):

        if i % 2:
# a comment at column 0 inside the block
            total += i
      # a comment at an odd column

        else:
            total -= 1
    return total
print(outer(5))
if True:
    if True:
        if True:
            x = "deep"



print(x)
while False: pass
else: print("else on one line")
for i in range(2): print(i); print(-i)
