# Out-of-range slice bounds clamp; they never raise.
a = [1, 2, 3]
print(a[5:], a[-10:], a[1:100], a[100:200], a[-100:-50], a[2:1], a[::-1][10:])
print("abc"[10:], "abc"[-10:2], "abc"[3:], repr("abc"[4:-4]), (1, 2)[9:])
big = 2**70
print(a[:big], a[-big:], a[big:], "xyz"[-big:big:2], a[::big], a[::-big])
