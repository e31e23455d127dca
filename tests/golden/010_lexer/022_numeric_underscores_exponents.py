# Underscores and exponents in every position Python allows.
print(1_000.000_1, 1e1_0, 1_0e-1_0, 0x_A_B, 0o_7_7, 0b_1_1, 10)
print(1E5, 1e+05, 1e-0, 0.0e0, 1_2_3, 0.000_001, 9_9.9_9e-9_9)
print(0e10, 0.e1, .0e1, 1.e-1, 00e5, 0_0.0_0)
