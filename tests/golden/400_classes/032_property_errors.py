class P:
    @property
    def x(self):
        return 1
    @property
    def y(self):
        return 2
    @y.setter
    def y(self, v):
        pass
p = P()
for action in ("set x", "del x", "del y"):
    try:
        if action == "set x":
            p.x = 5
        elif action == "del x":
            del p.x
        else:
            del p.y
    except AttributeError as e:
        print(action, "->", e)
print(P.x.fset, P.y.fdel, P.y.fset.__name__)
pr = property()
class Q:
    z = pr
try:
    Q().z
except AttributeError as e:
    print(e)
