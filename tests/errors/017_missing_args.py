# TypeError: missing required positional arguments.
def area(width, height):
    return width * height
area(5)
