# encode to bytes.
print("abc".encode(), "héllo".encode(), "héllo".encode("utf-8"), "😀".encode())
print("abc".encode("ascii"), "é".encode("latin-1"), len("日本".encode()))
print("a€".encode("utf-8").decode("utf-8"), b"\xc3\xa9".decode(), "".encode())
