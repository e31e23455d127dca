# len, indexing and slicing count code points, not bytes.
s = "héllo wörld ☃ 😀!"
print(len(s), s[0], s[1], s[-1], s[-2], s[12], s[14])
print(s[1:5], s[-5:], s[::2], s[::-1])
for ch in "aé☃😀":
    print(ch, ord(ch), len(ch), ch.encode("utf-8"))
print("".join(["a", "é", "😀"]), len("é" * 1000))
e = ""
print(len(e), e[0:10], repr(e[::-1]))
