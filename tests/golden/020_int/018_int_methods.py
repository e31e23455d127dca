# int methods and attributes.
print((255).bit_length(), (0).bit_length(), (-256).bit_length(), (2**100).bit_length())
print((5).real, (5).imag, (5).numerator, (5).denominator, (-3).conjugate())
print((10).bit_count(), (-7).bit_count(), (2**64 - 1).bit_count())
