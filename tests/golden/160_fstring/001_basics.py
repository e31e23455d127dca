# f-strings: expressions, quotes, braces and conversions.
name = "world"
n = 42
print(f"hello {name}!", f'{n + 1}', f"""{n * 2}""", F"{name.upper()}", f"{{literal}}", f"{{{n}}}")
print(f"{'quoted'}", f"{[1, 2][0]}", f"{ {'k': 'v'}['k'] }", f"{n:>5}|", f"{n!r}", f"{'é'!a}")
print(f"{name!r} {name!s} {3.0!s}")
print(f"", f"{''}", f"{None}", f"{True}", f"{n}{n}", f"{-n}", f"{n if n else 0}")
print(f"{(lambda x: x * 2)(4)}", f"{len('abc')}", f"{'a' + 'b'}", rf"\d{n}", fr"{n}\n")
