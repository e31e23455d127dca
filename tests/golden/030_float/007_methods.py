# float methods and conversions.
print((2.5).is_integer(), (3.0).is_integer(), float("inf").is_integer())
print((0.5).as_integer_ratio(), (-0.75).as_integer_ratio(), (3.0).as_integer_ratio())
print((1.5).hex(), (0.1).hex(), (-0.0).hex(), float.fromhex("0x1.8p1"))
print((2.5).real, (2.5).imag, (2.5).conjugate())
print(int(2.9), int(-2.9), int(1e18), int(-1e18), int(1.5e19), int(2.0**80))
