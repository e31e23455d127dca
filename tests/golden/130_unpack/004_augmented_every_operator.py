# Augmented assignment with every operator on ints, floats, strings and lists.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 7; print(x)
x **= 3; print(x)
x <<= 62; print(x)
x >>= 60; print(x)
x &= 0b1110; print(x)
x |= 0b10001; print(x)
x ^= 0xFF; print(x)
x /= 8; print(x)
f = 2.5
f += 1; f *= 2; f -= 0.5; f /= 2; f //= 1; f %= 2; f **= 2
print(f)
s = "ab"
s += "cd"; s *= 2
print(s)
l = [1]
alias = l
l += [2]; l *= 2
print(l, alias, l is alias)
t = (1,)
talias = t
t += (2,); t *= 2
print(t, talias)
d = {"k": 1}
d["k"] += 10
d["k"] **= 2
print(d)
m = [[1, 2], [3, 4]]
m[1][0] -= 10
m[0][1] <<= 70
print(m)
b = True
b += True
print(b, type(b))
big = 2**62 - 1
big += 1
print(big)
big -= 1
big *= -2
print(big)
