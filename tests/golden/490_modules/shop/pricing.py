print("shop.pricing runs:", __name__, __package__)
TAX = 0.25
def price_with_tax(amount):
    return round(amount * (1 + TAX), 2)
