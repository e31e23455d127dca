# TypeError: ord() of a two-character string.
print(ord("ab"))
