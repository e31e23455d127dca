results = []
for v in ["1", "2", "x", "4", "", "6"]:
    try:
        results.append(int(v))
    except ValueError as e:
        print("skip:", e)
        continue
    finally:
        print("checked", repr(v))
print(results)
total = 0
i = 0
while True:
    try:
        total += [1, 2, 3][i]
        i += 1
    except IndexError:
        break
print(total, i)
