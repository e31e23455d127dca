print("shop.inventory runs:", __name__)
from .pricing import price_with_tax
from .models import item as item_mod
from .models.item import Item
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, name, price, qty=1):
        if name in self.items:
            self.items[name].qty += qty
        else:
            self.items[name] = Item(name, price, qty)
    def total(self):
        return price_with_tax(sum(i.value() for i in self.items.values()))
    def report(self):
        return [str(i) for i in sorted(self.items.values(), key=lambda i: i.name)]
