# -*- coding: utf-8 -*-
# A coding declaration, and a form feed at the start of a line.
x = 1

print(x)
def f():
    return 2

print(f())
