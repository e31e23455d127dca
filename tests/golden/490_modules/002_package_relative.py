import shop
from shop import Inventory, Item
import shop.models.item
print(shop.VERSION, shop.__name__, shop.__package__)
print(shop.__file__.endswith("__init__.py"), hasattr(shop, "__path__"))
print(shop.models.item.Item is Item, shop.inventory.Item is Item)
inv = Inventory()
inv.add("pen", 2, 3)
inv.add("book", 10)
inv.add("pen", 2)
print(inv.total())
for line in inv.report():
    print(line)
print(shop.pricing.price_with_tax(100))
print(sorted(k for k in vars(shop) if not k.startswith("__")))
