# Reversing with [::-1] and checking palindromes.
for w in ("racecar", "level", "hello", "", "a", "ab", "été", "A man a plan"):
    norm = "".join(w.lower().split())
    print(repr(w), repr(w[::-1]), norm == norm[::-1])
num = 12345678901234567890
print(str(num)[::-1], int(str(num)[::-1]), str(-num)[:0:-1])
