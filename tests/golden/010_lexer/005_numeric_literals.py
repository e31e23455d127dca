# Every numeric literal form.
print(0, 00, 0_0, 7, 1_000_000)
print(0x1f, 0XFF, 0x_dead_beef, 0o17, 0O777, 0o_1_2, 0b1010, 0B_1111_0000)
print(0xFFFFFFFFFFFFFFFF, 0o7777777777777777777777, 0b1 << 0)
print(123456789012345678901234567890)
print(1.5, 1., .5, 1e3, 1E-3, 1_0.2_5, 1e+3, 2.5e-3, 0e0, 00.5)
print(1_2.3_4e1_0)
print(.0, 0., 1.e2)
print(type(1e3), type(10), type(0x10))
