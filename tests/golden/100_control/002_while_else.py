# while/else: else runs only when the loop ends without break.
n = 0
while n < 3:
    n += 1
else:
    print("no break, n =", n)
n = 0
while n < 10:
    n += 1
    if n == 4:
        break
else:
    print("not printed")
print("broke at", n)
while False:
    print("never")
else:
    print("else of a loop that never ran")
i = 10
while i:
    i -= 3
    if i < 0:
        print("went negative", i)
        break
