# Nested f-strings and f-strings inside expressions.
inner = "in"
print(f"{f'{inner}-{inner}'}", f"{f'{1 + 1}' * 3}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{len(f'{items}')}", f"{items[-1]!r:>5}")
width = 6
print(f"{f'{inner:>{width}}':<10}|")
