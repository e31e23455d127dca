# 1, 1.0 and True are one element.
s = {1, 1.0, True}
print(s, len(s))
s2 = {True, 1, 1.0}
print(s2)
s3 = {0.0, 0, False, -0.0}
print(s3)
print(1.0 in {1}, True in {1.0}, 2**64 in {float(2**64)}, {2**70, 2**70 + 0.0})
