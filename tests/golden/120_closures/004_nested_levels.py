# Three levels of nesting; nonlocal reaches the nearest enclosing binding.
def level1():
    x = "L1"
    y = "L1y"
    def level2():
        x = "L2"
        def level3():
            nonlocal x
            x = x + "+L3"
            return x, y
        r = level3()
        return r, x
    return level2(), x
print(level1())
def outer():
    total = 0
    def middle():
        def inner():
            nonlocal total
            total += 1
        inner()
        inner()
    middle()
    middle()
    return total
print(outer())
