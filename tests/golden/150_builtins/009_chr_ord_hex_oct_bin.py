# chr/ord over the whole range; hex/oct/bin of negatives and big ints.
for cp in (0, 9, 65, 127, 128, 255, 256, 0x263A, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF):
    c = chr(cp)
    print(cp, repr(c), ord(c) == cp, len(c))
print(ord("A"), ord("é"), ord("€"), ord("😀"), chr(97) + chr(98))
for n in (0, 1, -1, 255, -256, 2**64, -(2**64) - 1):
    print(hex(n), oct(n), bin(n))
