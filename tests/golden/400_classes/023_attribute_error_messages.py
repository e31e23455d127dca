class Box:
    def __init__(self):
        self.value = 1
b = Box()
try:
    b.valeu
except AttributeError as e:
    print(e)
try:
    Box.nothing
except AttributeError as e:
    print(e)
try:
    (5).foo
except AttributeError as e:
    print(e)
try:
    "s".lenn
except AttributeError as e:
    print(e)
try:
    None.x
except AttributeError as e:
    print(e)
try:
    [].push
except AttributeError as e:
    print(e)
try:
    (1).real = 2
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
