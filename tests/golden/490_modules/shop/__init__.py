"""A small package: several modules and relative imports."""
print("shop/__init__ runs:", __name__, __package__)
from .inventory import Inventory
from . import pricing
from .models.item import Item
__all__ = ["Inventory", "Item", "pricing"]
VERSION = "1.0"
