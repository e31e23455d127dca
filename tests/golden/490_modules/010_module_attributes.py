import mod_greet, sys
print(sorted(n for n in dir(mod_greet) if not n.startswith("__")))
print("greet" in mod_greet.__dict__, vars(mod_greet) is mod_greet.__dict__)
setattr(mod_greet, "added", 5)
print(mod_greet.added)
try:
    mod_greet.missing
except AttributeError as e:
    print(e)
print(__name__, __doc__, type(__builtins__).__name__ in ("module", "dict"))
this = sys.modules[__name__]
print(this.__name__, hasattr(this, "mod_greet"))
