print("shop.models.item runs:", __name__, __package__)
from ..pricing import TAX
from .. import pricing
class Item:
    def __init__(self, name, price, qty):
        self.name, self.price, self.qty = name, price, qty
    def value(self):
        return self.price * self.qty
    def __str__(self):
        return f"{self.name} x{self.qty} @ {self.price} (tax {TAX}, {pricing.__name__})"
