e = ValueError("base")
e.add_note("note one")
e.add_note("note two")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as te:
    print(te)
class Custom(Exception):
    extra = "class attr"
c = Custom()
c.dynamic = 1
print(c.extra, c.dynamic, c.args)
