try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import shop.no_such_sub
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from mod_greet import nothing_here
except ImportError as e:
    print(type(e).__name__, e.name, str(e).split(" (")[0])
try:
    import shop.bad_relative
except ImportError as e:
    print(type(e).__name__, e)
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("also_missing")
except ImportError as e:
    print(repr(e))
print(issubclass(ModuleNotFoundError, ImportError))
