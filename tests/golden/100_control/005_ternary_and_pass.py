# Conditional expressions (nested, lazy) and pass.
for x in (-1, 0, 1):
    print("neg" if x < 0 else "zero" if x == 0 else "pos")
print((1 if True else 2) + (3 if False else 4))
y = [] if 0 else {} if None else "chosen"
print(y)
def boom():
    print("evaluated")
    return 1
print(5 if True else boom(), 6 if False else 7)
if True:
    pass
for i in range(2):
    pass
def nothing():
    pass
print(nothing(), i)
