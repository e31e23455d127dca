from mod_star import *
print(public_a, public_fn())
for name in ("public_b", "_private"):
    print(name, name in globals())
from shop import *
print(Inventory.__name__, Item.__name__, pricing.TAX)
print("VERSION" in globals())
