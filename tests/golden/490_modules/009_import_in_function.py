def f():
    import mod_star as ms
    from mod_star import public_fn
    return ms.public_a, public_fn()
print(f())
print("ms" in globals(), "mod_star" in globals())
import shop.models.item
print(shop.models.item.__name__)
import shop.models.item as it
print(it.Item.__name__)
m = __import__("shop.pricing")
print(m.__name__)
import sys
print(sys.modules["shop.pricing"].TAX)
