def squares(n):
    for i in range(n):
        yield i * i
print(sum(squares(5)), max(squares(5)), min(squares(5)), sorted(squares(4), reverse=True))
print(dict(zip("abc", squares(3))), set(squares(3)), tuple(squares(3)))
print(list(map(str, squares(3))), list(filter(None, squares(4))))
print(list(enumerate(squares(3))), "-".join(str(s) for s in squares(3)))
a, b, *c = squares(5)
print(a, b, c)
print(list(reversed(list(squares(3)))), [*squares(2), *squares(2)])
