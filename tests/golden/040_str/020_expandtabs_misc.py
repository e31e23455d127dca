# expandtabs, removeprefix/removesuffix, str multiplication in loops.
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("\t".expandtabs(2)))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
for i in range(1, 5):
    print("*" * i + " " * (4 - i) + "|")
