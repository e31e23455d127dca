# * overflowing into big ints, with signs, and shrinking back.
x = 3037000499
print(x * x, (x + 1) * (x + 1), -x * x, x * -x, -x * -x)
y = 2**31
print(y * y, y * y * 2, y * y * 4, -y * y * 2)
z = 2**62
print(z * 1, z * -1, z * 2, z * 0, 0 * z)
f = 1
for i in range(1, 31):
    f = f * i
    print(i, f)
print(f // f, (f * f) // f == f)
print(10**20 * 10**20, (-(10**20)) * 10**20)
