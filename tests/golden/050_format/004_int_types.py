# Integer presentation types: d b o x X c n and the # prefix.
for n in (0, 5, 255, -255, 2**64):
    print("{:d} {:b} {:o} {:x} {:X} {:#b} {:#o} {:#x} {:#X}".format(n, n, n, n, n, n, n, n, n))
print("{:c}{:c}{:c}".format(72, 105, 0x263A), "{:5c}|".format(65))
print("{:08b} {:#010x} {:+d} {: d} {:-d}".format(5, 255, 5, 5, 5))
print("{:x}".format(-1), "{:#08o}".format(-8), "{:e}".format(12), "{:.2f}".format(7), "{:%}".format(3))
print("{:n}".format(1234567), "{:>+7d}|{:<+7d}|{:^+7d}".format(3, 3, 3))
