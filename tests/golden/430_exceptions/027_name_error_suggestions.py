value = 1
def f():
    try:
        return valeu
    except NameError as e:
        return str(e), e.name
print(f())
try:
    lenn([1])
except NameError as e:
    print(e)
try:
    undefined_thing_xyz
except NameError as e:
    print(e)
