# Iterating over strings and chaining methods.
count = 0
vowels = ""
for ch in "The Quick Brown Fox":
    if ch.lower() in "aeiou":
        count += 1
        vowels += ch
print(count, vowels)
words = "  The quick  brown   fox  ".strip().lower().split()
print(words, "_".join(words).upper().replace("_", " ").title())
print("x".join("abc").center(11, "*").split("*"))
