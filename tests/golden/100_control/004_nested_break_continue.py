# break and continue only affect the innermost loop.
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i:
            break
        print(i, j)
    print("end of row", i)
count = 0
while True:
    count += 1
    if count % 2 == 0:
        continue
    if count > 7:
        break
    print("odd count", count)
