class O:
    pass

o = O()
setattr(o, "x", 1)
print(getattr(o, "x"))
print(getattr(o, "y", "default"))
print(hasattr(o, "x"), hasattr(o, "y"))
delattr(o, "x")
print(hasattr(o, "x"))
try:
    getattr(o, "x")
except AttributeError as e:
    print(e)
try:
    delattr(o, "nope")
except AttributeError as e:
    print(e)
try:
    getattr(o, 5)
except TypeError as e:
    print(e)
setattr(O, "cls_attr", 9)
print(o.cls_attr)
name = "dyn"
setattr(o, name + "_1", "v")
print(o.dyn_1)
