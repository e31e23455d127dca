# Alignment, fill and width in format specs.
for v in ("ab", 42, -3.5):
    print("[{:>10}] [{:<10}] [{:^10}] [{:*^9}] [{:->6}] [{:#<4}]".format(v, v, v, v, v, v))
print("[{:^9}] [{:^8}] [{:^1}] [{:3}] [{:3}]".format("odd", "odd", "wide", "ab", 7))
print("[{:=8}] [{:0=8}] [{:x=+8}] [{:08}]".format(-42, -42, 42, -42))
print("[{:>0}] [{:<}] [{}]".format("a", "b", ""))
