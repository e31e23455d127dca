# global statements read and rebind module variables, even creating new ones.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter)
def create():
    global created
    created = "made in a function"
create()
print(created)
def read_only():
    return counter * 10
print(read_only())
def both():
    global a, b
    a, b = 1, 2
both()
print(a, b)
