# string constants and capwords.
import string

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), len(string.printable), repr(string.printable[-10:]))
print(all(c in string.printable for c in string.ascii_letters + string.digits))
print(string.capwords(" hello   wORLD  foo "), string.capwords("a-b-c", "-"), string.capwords(""))
print(string.capwords("they're bill's friends"), string.capwords("one,two", ","))
vowels = set("aeiou")
print(sorted(set(string.ascii_lowercase) - vowels)[:5])
print("".join(c for c in "Hello, World! 42" if c not in string.punctuation))
table = str.maketrans("", "", string.digits)
print("r2d2 c3po".translate(table))
print([c for c in "a1-B2_" if c in string.ascii_letters + string.digits])
