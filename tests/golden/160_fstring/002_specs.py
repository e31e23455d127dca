# f-string format specs, including nested replacement fields in the spec.
x = 3.14159
w = 10
p = 3
print(f"{x:.2f}|{x:10.3f}|{x:<10}|{x:^10.1f}|{x:+e}|{x:{w}.{p}f}|{x:{w}}|")
print(f"{255:x} {255:#X} {255:08b} {1234567:,} {1234567:_} {0.5:%} {0.123:.1%}")
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|{'fill':*^9}|{7:03}|{-7:05}")
fill, align = "-", "^"
print(f"{'x':{fill}{align}{w}}", f"{2**70:,}", f"{-0.0:.1f}", f"{1e21:g}")
print(f"{'abc'!r:>8}", f"{'é'!a:<8}|", f"{42!s:>4}")
