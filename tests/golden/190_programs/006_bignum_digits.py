# Digits of big numbers: factorial digit sums, powers, e by series.
f = 1
for i in range(1, 101):
    f *= i
total = 0
for ch in str(f):
    total += int(ch)
print(total, len(str(f)), str(f).count("0"))
print(sum(map(int, str(2**1000))))
scale = 10**50
e = 0
term = scale
k = 0
while term:
    e += term
    k += 1
    term //= k
print(str(e)[0] + "." + str(e)[1:])
