# int -> str -> int round trips for many sizes, and int() of padded strings.
x = 1
for i in range(120):
    x = x * 7 + i
    s = str(x)
    n = str(-x)
    assert int(s) == x and int(n) == -x
    if i % 10 == 0:
        print(i, len(s), s[:10], n[-5:], int(" " + s + " ") == x, hex(x)[:12], int(hex(x), 16) == x)
print(int("-0000000000000000000000000000000000001"), int("+00"), int("0_0_0"))
