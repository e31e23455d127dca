# SyntaxError: an opening bracket never closed.
values = [1, 2,
          3, 4
print(values)
